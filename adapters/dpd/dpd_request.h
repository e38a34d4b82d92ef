// Pure builders for DPD's SOAP web services: the login that issues an
// authToken, and the parcel life-cycle service's getTrackingData.
//
//   HttpRequest login = BuildDpdLoginRequest(delis_id, password, "en_EN");
//   HttpRequest track = BuildDpdTrackRequest("05308801410058", delis_id, auth_token, "en_EN");
//
// API (DPD Web Services as the DE/NL/BE shipper services publish them;
// reference §4.5; the envelopes karrio's dpd connector sends):
// - POST /soap/services/LoginService/V2_1, SOAPAction
//   http://dpd.com/common/service/types/LoginService/2.1/getAuth, body
//   getAuth{delisId, password, messageLanguage} → authToken + authTokenExpires;
// - POST /soap/services/ParcelLifeCycleService/V2_0, SOAPAction
//   .../ParcelLifeCycleService/2.0/getTrackingData, with the SOAP header
//   authentication{delisId, authToken, messageLanguage} (namespace
//   http://dpd.com/common/service/types/Authentication/2.0) and body
//   getTrackingData{parcelLabelNumber}.
// Every value is XML-escaped; the password travels in the body only.
#ifndef TRACKENRICH_ADAPTERS_DPD_DPD_REQUEST_H_
#define TRACKENRICH_ADAPTERS_DPD_DPD_REQUEST_H_

#include <string>

#include "absl/strings/string_view.h"

#include "adapters/http/http_message.h"

namespace trackenrich::adapters::dpd {

inline constexpr absl::string_view kDpdLoginPath = "/soap/services/LoginService/V2_1";
inline constexpr absl::string_view kDpdTrackPath = "/soap/services/ParcelLifeCycleService/V2_0";

// The 14-digit parcel number getTrackingData takes, from the forms detection
// accepts: the 28-character barcode (postcode, parcel number, service,
// country, check character) → characters 8-21; 14 digits plus the check
// character → the 14 digits; anything else unchanged.
std::string DpdParcelLabelNumber(absl::string_view normalized_number);

http::HttpRequest BuildDpdLoginRequest(absl::string_view delis_id, absl::string_view password,
                                       absl::string_view message_language);

http::HttpRequest BuildDpdTrackRequest(absl::string_view parcel_label_number,
                                       absl::string_view delis_id, absl::string_view auth_token,
                                       absl::string_view message_language);

}  // namespace trackenrich::adapters::dpd

#endif  // TRACKENRICH_ADAPTERS_DPD_DPD_REQUEST_H_
