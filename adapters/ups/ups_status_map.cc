#include "adapters/ups/ups_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace trackenrich::adapters::ups {
namespace {

constexpr auto kNotFound = v1::SHIPMENT_STATE_NOT_FOUND;
constexpr auto kLabel = v1::SHIPMENT_STATE_LABEL_CREATED;
constexpr auto kPickedUp = v1::SHIPMENT_STATE_PICKED_UP;
constexpr auto kTransit = v1::SHIPMENT_STATE_IN_TRANSIT;
constexpr auto kOut = v1::SHIPMENT_STATE_OUT_FOR_DELIVERY;
constexpr auto kPickup = v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP;
constexpr auto kAttempted = v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED;
constexpr auto kException = v1::SHIPMENT_STATE_EXCEPTION;
constexpr auto kReturned = v1::SHIPMENT_STATE_RETURNED;
constexpr auto kDelivered = v1::SHIPMENT_STATE_DELIVERED;
constexpr v1::StateReason kNone = v1::STATE_REASON_UNSPECIFIED;

// status.statusCode: three-digit activity status codes.
constexpr CrosswalkRow kStatusCodeRows[] = {
    {"003", kLabel, kNone, "Shipper created a label, UPS has not received the package yet"},
    {"005", kTransit, kNone, "In transit"},
    {"011", kDelivered, kNone, "Delivered"},
    {"012", kTransit, v1::STATE_REASON_CUSTOMS, "Clearance in progress"},
    {"021", kOut, kNone, "Out for delivery today"},
    {"034", kReturned, v1::STATE_REASON_RETURN_TO_SENDER, "Returned to shipper"},
    {"038", kPickedUp, kNone, "Picked up"},
    {"060", kAttempted, v1::STATE_REASON_RECIPIENT_UNAVAILABLE, "Delivery attempted"},
    {"065", kLabel, kNone, "Pickup attempted"},
    {"072", kOut, kNone, "Loaded on delivery vehicle"},
    {"092", kTransit, v1::STATE_REASON_CUSTOMS, "Import customs clearance"},
    {"131", kLabel, kNone, "Pickup attempted"},
    {"135", kLabel, kNone, "Pickup attempted"},
    {"161", kPickup, v1::STATE_REASON_HELD_FOR_PICKUP,
     "Delivered to a UPS Access Point, awaiting customer pickup"},
};

// status.code: two-character codes; X/.. under status type X (exceptions).
constexpr CrosswalkRow kCodeRows[] = {
    {"F4", kDelivered, kNone, "Delivered"},
    {"FS", kDelivered, kNone, "Delivered"},
    {"KB", kDelivered, kNone, "Delivered"},
    {"MP", kLabel, kNone, "Order processed: ready for UPS"},
    {"OF", kOut, kNone, "Out for delivery"},
    {"OR", kPickedUp, kNone, "Origin scan"},
    {"OT", kOut, kNone, "Out for delivery today"},
    {"PU", kPickedUp, kNone, "Pickup scan"},
    {"SR", kTransit, kNone, "Your package was released by the customs agency"},
    {"X/AC", kException, v1::STATE_REASON_ADDRESS_ISSUE, "Wrong city"},
    {"X/DY", kException, v1::STATE_REASON_CUSTOMS, "Importer contacted for clearance"},
    {"X/RP", kException, v1::STATE_REASON_CUSTOMS, "Government release pending"},
    {"X/RS", kException, v1::STATE_REASON_CUSTOMS, "Receiver contacted for clearance"},
    {"X/UR", kException, v1::STATE_REASON_PROHIBITED_ITEM, "Unauthorized hazardous material"},
};

// status.type.
constexpr CrosswalkRow kTypeRows[] = {
    {"D", kOut, kNone,
     "Delivery information (loaded on delivery vehicle, out for delivery, "
     "delivered)"},
    {"I", kTransit, kNone, "In progress (moving normally through the UPS network)"},
    {"M", kLabel, kNone, "Manifest information"},
    {"MV", kLabel, kNone, "Manifest information"},
    {"NA", kNotFound, kNone, "Not available"},
    {"P", kPickedUp, kNone, "Pickup"},
    {"U", kTransit, kNone, "Update (normally a new scheduled delivery)"},
    {"X", kException, v1::STATE_REASON_OTHER,
     "Exception (something out of the normal happened, may still be delivered on time)"},
};

struct KeywordEntry {
  absl::string_view keyword;  // upper case
  v1::StateReason reason;
};

// Reasons read from the description of exception-type activities.
constexpr KeywordEntry kReasonKeywords[] = {
    {"ADDRESS", v1::STATE_REASON_ADDRESS_ISSUE},
    {"WEATHER", v1::STATE_REASON_WEATHER},
    {"CUSTOMS", v1::STATE_REASON_CUSTOMS},
    {"CLEARANCE", v1::STATE_REASON_CUSTOMS},
    {"BROKERAGE", v1::STATE_REASON_CUSTOMS},
    {"DAMAGE", v1::STATE_REASON_DAMAGED},
    {"REFUSED", v1::STATE_REASON_REFUSED},
    {"CLOSED", v1::STATE_REASON_BUSINESS_CLOSED},
    {"NOT AVAILABLE", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"NOT HOME", v1::STATE_REASON_RECIPIENT_UNAVAILABLE},
    {"RESCHEDULED", v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT},
    {"MISSORT", v1::STATE_REASON_MISSORTED},
    {"LOST", v1::STATE_REASON_LOST},
    {"DELAY", v1::STATE_REASON_CARRIER_DELAY},
};

v1::StateReason ReasonFromText(const std::string& upper) {
  for (const auto& entry : kReasonKeywords) {
    if (absl::StrContains(upper, entry.keyword)) return entry.reason;
  }
  return v1::STATE_REASON_OTHER;
}

UpsStatus FromRow(const CrosswalkRow& row) { return {row.state, row.reason}; }

bool IsPickupText(const std::string& upper) {
  return absl::StrContains(upper, "PICKUP") || absl::StrContains(upper, "PICK UP");
}

// A type X activity without a table row: the description says what happened.
UpsStatus Exception(const std::string& upper) {
  if (absl::StrContains(upper, "RETURN")) {
    return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  const v1::StateReason reason = ReasonFromText(upper);
  if (reason == v1::STATE_REASON_CARRIER_DELAY || reason == v1::STATE_REASON_WEATHER) {
    return {v1::SHIPMENT_STATE_DELAYED, reason};
  }
  if (reason == v1::STATE_REASON_LOST) return {v1::SHIPMENT_STATE_LOST, reason};
  return {kException, reason};
}

}  // namespace

const Crosswalk& UpsStatusCodeCrosswalk() {
  static const Crosswalk kTable{
      "UPS", "activity[].status.statusCode",
      "UPS Track API activity status codes (UPS-API/api-documentation Tracking.yaml "
      "Status.statusCode, \"see API Codes for possible values\"; developer.ups.com API codes)",
      kStatusCodeRows};
  return kTable;
}

const Crosswalk& UpsCodeCrosswalk() {
  static const Crosswalk kTable{
      "UPS", "activity[].status.code (X/..: under status type X)",
      "UPS status codes and exception codes (developer.ups.com status codes list referenced by "
      "UPS-API/api-documentation UPSTrackAlert.yaml; Tracking.yaml examples)",
      kCodeRows};
  return kTable;
}

const Crosswalk& UpsTypeCrosswalk() {
  static const Crosswalk kTable{
      "UPS", "activity[].status.type",
      "UPS-API/api-documentation UPSTrackAlert.yaml (status types M, MV, X, I, U, D); "
      "UPS Tracking developer guide (P pickup, NA not available)",
      kTypeRows};
  return kTable;
}

UpsStatus MapUpsStatus(absl::string_view type, absl::string_view code,
                       absl::string_view status_code, absl::string_view description) {
  const std::string upper = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(description));
  const std::string upper_type = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(type));
  const std::string upper_code = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(code));

  if (upper_type == "X") {
    if (const CrosswalkRow* row = UpsCodeCrosswalk().Find(CrosswalkPair("X", upper_code))) {
      return FromRow(*row);
    }
  }
  if (const CrosswalkRow* row = UpsCodeCrosswalk().Find(upper_code)) {
    // A delivered code on an activity whose text says otherwise is not trusted.
    const bool untrusted =
        row->state == kDelivered && !upper.empty() && !absl::StrContains(upper, "DELIVER");
    if (!untrusted) return FromRow(*row);
  }
  if (const CrosswalkRow* row =
          UpsStatusCodeCrosswalk().Find(absl::StripAsciiWhitespace(status_code))) {
    return FromRow(*row);
  }
  if (absl::StartsWith(upper, "DELIVERED")) return {kDelivered, kNone};
  if (absl::StrContains(upper, "ATTEMPT")) {
    // "Pickup attempted": UPS has not got the package yet.
    if (IsPickupText(upper)) return {kLabel, kNone};
    if (absl::StrContains(upper, "DELIVERY ATTEMPT") || absl::StrContains(upper, "ATTEMPTED")) {
      return {kAttempted, ReasonFromText(upper)};
    }
  }
  if (upper_type == "M" || upper_type == "MV") {
    if (absl::StrContains(upper, "VOID")) return {v1::SHIPMENT_STATE_CANCELLED, kNone};
  }
  if (upper_type == "X") return Exception(upper);
  if (const CrosswalkRow* row = UpsTypeCrosswalk().Find(upper_type)) return FromRow(*row);
  return {kTransit, kNone};
}

}  // namespace trackenrich::adapters::ups
