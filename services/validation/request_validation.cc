#include "services/validation/request_validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

#include "adapters/shopify/shopify_order_ref.h"

namespace trackenrich::server {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

std::string Path(absl::string_view prefix, absl::string_view field) {
  return prefix.empty() ? std::string(field) : absl::StrCat(prefix, ".", field);
}

bool IsDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

// Names the first character outside the allowed set without echoing control
// bytes into logs.
std::string DescribeChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x21 && byte < 0x7f) return absl::StrCat("'", std::string(1, c), "'");
  return absl::StrCat("byte 0x", absl::Hex(byte, absl::kZeroPad2));
}

absl::Status ValidateCarrier(absl::string_view field, int carrier) {
  if (!v1::Carrier_IsValid(carrier)) {
    return Invalid(field, absl::StrCat("unknown carrier value ", carrier));
  }
  return absl::OkStatus();
}

absl::Status ValidateChannel(absl::string_view field, int channel) {
  if (!v1::SalesChannel_IsValid(channel)) {
    return Invalid(field, absl::StrCat("unknown sales channel value ", channel));
  }
  return absl::OkStatus();
}

absl::Status ValidateMarketplaceId(absl::string_view field, absl::string_view id) {
  if (id.empty()) return absl::OkStatus();
  if (id.size() > 20) return Invalid(field, "at most 20 characters");
  for (char c : id) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return Invalid(field, absl::StrCat("only upper-case letters and digits are allowed, found ",
                                         DescribeChar(c)));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateCacheControl(absl::string_view field, const v1::CacheControl& cache) {
  if (cache.has_max_age() && (cache.max_age().seconds() < 0 || cache.max_age().nanos() < 0)) {
    return Invalid(absl::StrCat(field, ".max_age"), "must not be negative");
  }
  return absl::OkStatus();
}

// BCP 47-ish: "en", "de-DE", "zh-Hant-TW". Empty means the default.
absl::Status ValidateLanguage(absl::string_view field, absl::string_view language) {
  if (language.empty()) return absl::OkStatus();
  if (language.size() > 35) return Invalid(field, "at most 35 characters");
  size_t part_length = 0;
  bool first_part = true;
  for (char c : language) {
    if (c == '-' || c == '_') {
      if (part_length == 0 || (first_part && part_length < 2)) {
        return Invalid(field, "not a language tag such as \"en\" or \"de-DE\"");
      }
      part_length = 0;
      first_part = false;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (!absl::ascii_isalnum(byte) || (first_part && !absl::ascii_isalpha(byte))) {
      return Invalid(field, "not a language tag such as \"en\" or \"de-DE\"");
    }
    if (++part_length > 8) return Invalid(field, "not a language tag such as \"en\" or \"de-DE\"");
  }
  if (part_length == 0 || (first_part && (part_length < 2 || part_length > 3))) {
    return Invalid(field, "not a language tag such as \"en\" or \"de-DE\"");
  }
  return absl::OkStatus();
}

absl::Status ValidateShipmentRef(absl::string_view field, const v1::ShipmentRef& shipment) {
  auto number = ValidateTrackingNumber(Path(field, "tracking_number"), shipment.tracking_number());
  if (!number.ok()) return number.status();
  return ValidateCarrier(Path(field, "carrier"), shipment.carrier());
}

absl::Status ValidateOrderRef(absl::string_view field, const v1::OrderRef& order) {
  if (auto status = ValidateChannel(Path(field, "channel"), order.channel()); !status.ok()) {
    return status;
  }
  if (auto status = ValidateOrderId(Path(field, "order_id"), order.order_id(), order.channel());
      !status.ok()) {
    return status;
  }
  return ValidateMarketplaceId(Path(field, "marketplace_id"), order.marketplace_id());
}

}  // namespace

absl::StatusOr<std::string> ValidateTrackingNumber(absl::string_view field, absl::string_view raw) {
  if (raw.empty()) return Invalid(field, "required");
  if (raw.size() > kMaxTrackingNumberLength) {
    return Invalid(field, absl::StrCat("at most ", kMaxTrackingNumberLength, " characters (got ",
                                       raw.size(), ")"));
  }
  std::string normalized;
  normalized.reserve(raw.size());
  for (char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == ' ' || c == '-') continue;
    if (!absl::ascii_isalnum(byte)) {
      return Invalid(field,
                     absl::StrCat("only letters, digits, spaces and dashes are allowed, found ",
                                  DescribeChar(c)));
    }
    normalized.push_back(absl::ascii_toupper(byte));
  }
  if (normalized.empty()) return Invalid(field, "required (only spaces and dashes given)");
  return normalized;
}

absl::Status ValidateOrderId(absl::string_view field, absl::string_view order_id,
                             v1::SalesChannel channel) {
  if (order_id.empty()) return Invalid(field, "required");
  if (channel == v1::SALES_CHANNEL_AMAZON || channel == v1::SALES_CHANNEL_UNSPECIFIED) {
    const bool shaped = order_id.size() == 19 && order_id[3] == '-' && order_id[11] == '-' &&
                        IsDigits(order_id.substr(0, 3)) && IsDigits(order_id.substr(4, 7)) &&
                        IsDigits(order_id.substr(12, 7));
    if (!shaped) {
      return Invalid(field, "an Amazon order ID is 3-7-7 digits, e.g. 114-3941689-8772232");
    }
    return absl::OkStatus();
  }
  if (order_id.size() > 64) return Invalid(field, "at most 64 characters");
  if (channel == v1::SALES_CHANNEL_SHOPIFY) {
    // A Shopify order gid, a name ("#1001") or number: malformed ones are
    // refused here, before any upstream call.
    if (auto status = adapters::shopify::CheckShopifyOrderId(field, order_id); !status.ok()) {
      return status;
    }
    if (absl::StartsWith(order_id, "gid://")) return absl::OkStatus();
  }
  for (char c : order_id) {
    const auto byte = static_cast<unsigned char>(c);
    if (!absl::ascii_isalnum(byte) && c != '-' && c != '_' && c != '#' && c != '.') {
      return Invalid(field, absl::StrCat("only letters, digits and -_#. are allowed, found ",
                                         DescribeChar(c)));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateTrackShipment(absl::string_view prefix,
                                   const v1::TrackShipmentRequest& request) {
  if (!request.has_shipment()) return Invalid(Path(prefix, "shipment"), "required");
  if (auto status = ValidateShipmentRef(Path(prefix, "shipment"), request.shipment());
      !status.ok()) {
    return status;
  }
  return ValidateCacheControl(Path(prefix, "cache"), request.cache());
}

absl::Status ValidateGetOrderTracking(absl::string_view prefix,
                                      const v1::GetOrderTrackingRequest& request) {
  if (!request.has_order()) return Invalid(Path(prefix, "order"), "required");
  if (auto status = ValidateOrderRef(Path(prefix, "order"), request.order()); !status.ok()) {
    return status;
  }
  return ValidateCacheControl(Path(prefix, "cache"), request.cache());
}

absl::Status ValidateBatchTrackShipments(const v1::BatchTrackShipmentsRequest& request) {
  if (request.requests_size() == 0) return Invalid("requests", "at least one request is required");
  if (request.requests_size() > kMaxBatchTrackShipments) {
    return Invalid("requests",
                   absl::StrCat("at most ", kMaxBatchTrackShipments, " requests per batch (got ",
                                request.requests_size(), ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ValidateBatchTrackItem(int index,
                                                   const v1::TrackShipmentRequest& item) {
  const std::string prefix = absl::StrCat("requests[", index, "]");
  if (auto status = ValidateTrackShipment(prefix, item); !status.ok()) return status;
  return ValidateTrackingNumber(Path(prefix, "shipment.tracking_number"),
                                item.shipment().tracking_number());
}

absl::Status ValidateBatchGetOrderTracking(const v1::BatchGetOrderTrackingRequest& request) {
  if (request.requests_size() == 0) return Invalid("requests", "at least one request is required");
  if (request.requests_size() > kMaxBatchOrders) {
    return Invalid("requests",
                   absl::StrCat("at most ", kMaxBatchOrders, " requests per batch (got ",
                                request.requests_size(), ")"));
  }
  return absl::OkStatus();
}

absl::Status ValidateBatchOrderItem(int index, const v1::GetOrderTrackingRequest& item) {
  return ValidateGetOrderTracking(absl::StrCat("requests[", index, "]"), item);
}

std::string EchoableSubject(absl::string_view raw) {
  if (raw.size() > 64) return "";
  for (char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f) return "";
  }
  return std::string(raw);
}

absl::Status ValidateEnrichTicket(const v1::EnrichTicketRequest& request) {
  if (request.ticket_id().size() > 128) return Invalid("ticket_id", "at most 128 characters");
  for (char c : request.ticket_id()) {
    if (absl::ascii_iscntrl(static_cast<unsigned char>(c))) {
      return Invalid("ticket_id", "control characters are not allowed");
    }
  }
  if (auto status = ValidateLanguage("language", request.language()); !status.ok()) return status;
  if (auto status = ValidateMarketplaceId("marketplace_id", request.marketplace_id());
      !status.ok()) {
    return status;
  }
  if (auto status = ValidateCacheControl("cache", request.cache()); !status.ok()) return status;
  switch (request.subject_case()) {
    case v1::EnrichTicketRequest::kOrder:
      return ValidateOrderRef("order", request.order());
    case v1::EnrichTicketRequest::kShipment:
      return ValidateShipmentRef("shipment", request.shipment());
    case v1::EnrichTicketRequest::kText: {
      const v1::TicketText& text = request.text();
      if (text.subject().empty() && text.body().empty()) {
        return Invalid("text", "subject or body is required");
      }
      if (text.subject().size() > kMaxTicketSubjectBytes) {
        return Invalid("text.subject", absl::StrCat("at most ", kMaxTicketSubjectBytes, " bytes"));
      }
      if (text.body().size() > kMaxTicketBodyBytes) {
        return Invalid("text.body", absl::StrCat("at most ", kMaxTicketBodyBytes, " bytes"));
      }
      return absl::OkStatus();
    }
    case v1::EnrichTicketRequest::SUBJECT_NOT_SET:
      break;
  }
  return Invalid("subject", "one of order, shipment or text is required");
}

absl::Status ValidateDetectCarrier(const v1::DetectCarrierRequest& request) {
  return ValidateTrackingNumber("tracking_number", request.tracking_number()).status();
}

absl::Status ValidateRenderReply(const v1::RenderReplyRequest& request) {
  if (request.template_id().empty()) return Invalid("template_id", "required");
  if (request.template_id().size() > 64) return Invalid("template_id", "at most 64 characters");
  for (char c : request.template_id()) {
    const auto byte = static_cast<unsigned char>(c);
    if (!absl::ascii_islower(byte) && !absl::ascii_isdigit(byte) && c != '_' && c != '-') {
      return Invalid(
          "template_id",
          absl::StrCat("only lower-case letters, digits, '_' and '-' are allowed, found ",
                       DescribeChar(c)));
    }
  }
  if (auto status = ValidateLanguage("language", request.language()); !status.ok()) return status;
  if (auto status = ValidateChannel("channel", request.channel()); !status.ok()) return status;
  if (!request.has_shipment()) return Invalid("shipment", "required");
  if (auto number =
          ValidateTrackingNumber("shipment.tracking_number", request.shipment().tracking_number());
      !number.ok()) {
    return number.status();
  }
  if (auto status = ValidateCarrier("shipment.carrier", request.shipment().carrier());
      !status.ok()) {
    return status;
  }
  if (!v1::ShipmentState_IsValid(request.shipment().state())) {
    return Invalid("shipment.state",
                   absl::StrCat("unknown shipment state value ", request.shipment().state()));
  }
  if (request.has_order()) {
    if (!v1::Fulfillment_IsValid(request.order().fulfillment())) {
      return Invalid("order.fulfillment",
                     absl::StrCat("unknown fulfillment value ", request.order().fulfillment()));
    }
    if (auto status = ValidateChannel("order.channel", request.order().channel()); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

}  // namespace trackenrich::server
