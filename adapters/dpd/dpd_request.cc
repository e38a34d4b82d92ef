#include "adapters/dpd/dpd_request.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

#include "adapters/common/markup_escape.h"

namespace trackenrich::adapters::dpd {
namespace {

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

http::HttpRequest SoapRequest(absl::string_view path, absl::string_view action, std::string body) {
  http::HttpRequest request;
  request.method = "POST";
  request.target = std::string(path);
  request.headers.emplace_back("Content-Type", "text/xml;charset=UTF-8");
  request.headers.emplace_back("SOAPAction", std::string(action));
  request.body = std::move(body);
  // Both calls are queries: safe to send again.
  request.idempotent = true;
  return request;
}

}  // namespace

std::string DpdParcelLabelNumber(absl::string_view normalized_number) {
  if (normalized_number.size() == 28 && AllDigits(normalized_number.substr(7, 14))) {
    return std::string(normalized_number.substr(7, 14));
  }
  if (normalized_number.size() == 15 && AllDigits(normalized_number.substr(0, 14))) {
    return std::string(normalized_number.substr(0, 14));
  }
  return std::string(normalized_number);
}

http::HttpRequest BuildDpdLoginRequest(absl::string_view delis_id, absl::string_view password,
                                       absl::string_view message_language) {
  return SoapRequest(
      kDpdLoginPath, "http://dpd.com/common/service/types/LoginService/2.1/getAuth",
      absl::StrCat("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                   "xmlns:ns=\"http://dpd.com/common/service/types/LoginService/2.1\">"
                   "<soapenv:Header/><soapenv:Body><ns:getAuth>"
                   "<delisId>",
                   MarkupEscape(delis_id), "</delisId><password>", MarkupEscape(password),
                   "</password><messageLanguage>", MarkupEscape(message_language),
                   "</messageLanguage></ns:getAuth></soapenv:Body></soapenv:Envelope>"));
}

http::HttpRequest BuildDpdTrackRequest(absl::string_view parcel_label_number,
                                       absl::string_view delis_id, absl::string_view auth_token,
                                       absl::string_view message_language) {
  return SoapRequest(
      kDpdTrackPath,
      "http://dpd.com/common/service/types/ParcelLifeCycleService/2.0/getTrackingData",
      absl::StrCat("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                   "xmlns:ns=\"http://dpd.com/common/service/types/Authentication/2.0\" "
                   "xmlns:ns1=\"http://dpd.com/common/service/types/ParcelLifeCycleService/2.0\">"
                   "<soapenv:Header><ns:authentication><delisId>",
                   MarkupEscape(delis_id), "</delisId><authToken>", MarkupEscape(auth_token),
                   "</authToken><messageLanguage>", MarkupEscape(message_language),
                   "</messageLanguage></ns:authentication></soapenv:Header>"
                   "<soapenv:Body><ns1:getTrackingData><parcelLabelNumber>",
                   MarkupEscape(parcel_label_number),
                   "</parcelLabelNumber></ns1:getTrackingData></soapenv:Body></soapenv:Envelope>"));
}

}  // namespace trackenrich::adapters::dpd
