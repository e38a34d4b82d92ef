#include "services/integrations/common/request_fields.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "boost/json/parse.hpp"
#include "boost/json/value.hpp"

namespace trackenrich::integrations {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

absl::StatusOr<std::string> FormDecode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%') {
      const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        return absl::InvalidArgumentError("a parameter has a broken %-escape");
      }
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

absl::StatusOr<Parameters> ParseForm(absl::string_view text) {
  Parameters parameters;
  for (absl::string_view pair : absl::StrSplit(text, '&', absl::SkipEmpty())) {
    const size_t equals = pair.find('=');
    auto name = FormDecode(pair.substr(0, equals));
    if (!name.ok()) return name.status();
    auto value = FormDecode(equals == absl::string_view::npos ? "" : pair.substr(equals + 1));
    if (!value.ok())
      return absl::InvalidArgumentError(absl::StrCat(*name, ": ", value.status().message()));
    parameters[*name] = *std::move(value);
  }
  return parameters;
}

absl::StatusOr<v1::OrderRef> OrderRefFrom(absl::string_view order_id, absl::string_view channel,
                                          absl::string_view marketplace_id) {
  v1::OrderRef order;
  order.set_order_id(std::string(order_id));
  order.set_marketplace_id(std::string(marketplace_id));
  const std::string name = absl::AsciiStrToLower(std::string(channel));
  if (name.empty()) return order;
  if (name == "amazon") {
    order.set_channel(v1::SALES_CHANNEL_AMAZON);
  } else if (name == "shopify") {
    order.set_channel(v1::SALES_CHANNEL_SHOPIFY);
  } else if (name == "ebay") {
    order.set_channel(v1::SALES_CHANNEL_EBAY);
  } else if (name == "other") {
    order.set_channel(v1::SALES_CHANNEL_OTHER);
  } else {
    return absl::InvalidArgumentError("channel: expected amazon, shopify, ebay or other");
  }
  return order;
}

absl::string_view TargetPath(absl::string_view target) {
  return target.substr(0, target.find('?'));
}

absl::StatusOr<boost::json::object> ParseJsonBody(absl::string_view body) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(std::string_view(body.data(), body.size()), error);
  if (error) {
    return absl::InvalidArgumentError(
        absl::StrCat("request body: not valid JSON (", error.message(), ")"));
  }
  if (!value.is_object()) return absl::InvalidArgumentError("request body: must be a JSON object");
  return std::move(value.as_object());
}

absl::StatusOr<Parameters> RequestParameters(const http::HttpRequest& request) {
  Parameters parameters;
  if (const size_t question = request.target.find('?'); question != std::string::npos) {
    auto query = ParseForm(absl::string_view(request.target).substr(question + 1));
    if (!query.ok()) return query.status();
    parameters = *std::move(query);
  }
  const absl::string_view body = absl::StripAsciiWhitespace(request.body);
  if (body.empty()) return parameters;
  const absl::string_view type = request.Header("content-type");
  const bool json = absl::StrContains(absl::AsciiStrToLower(std::string(type)), "json") ||
                    (type.empty() && body[0] == '{');
  if (json) {
    auto object = ParseJsonBody(body);
    if (!object.ok()) return object.status();
    for (const auto& member : *object) {
      const std::string name(member.key());
      const boost::json::value& value = member.value();
      if (value.is_string()) {
        parameters[name] = std::string(value.as_string());
      } else if (value.is_int64()) {
        parameters[name] = absl::StrCat(value.as_int64());
      } else if (value.is_uint64()) {
        parameters[name] = absl::StrCat(value.as_uint64());
      } else if (value.is_null()) {
        parameters.erase(name);
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat("request body: ", name, " must be a string or a number"));
      }
    }
    return parameters;
  }
  if (absl::StrContains(absl::AsciiStrToLower(std::string(type)), "x-www-form-urlencoded") ||
      type.empty()) {
    auto form = ParseForm(body);
    if (!form.ok()) return form.status();
    for (auto& [name, value] : *form) parameters[name] = std::move(value);
    return parameters;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("request body: Content-Type ", type,
                   " is not accepted (application/json or application/x-www-form-urlencoded)"));
}

}  // namespace trackenrich::integrations
