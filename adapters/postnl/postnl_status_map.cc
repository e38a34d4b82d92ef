#include "adapters/postnl/postnl_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/crosswalk_names.h"
#include "adapters/common/reason_text.h"
#include "adapters/common/time_util.h"
#include "adapters/postnl/postnl_codes.h"

namespace trackenrich::adapters::postnl {
namespace {

// In the order of PostNL's status list, then the three only the event table names.
constexpr CrosswalkRow kStatusCodes[] = {
    {"1", kLabelCreated, kNoReason,
     "Shipment pre-alerted (Zending voorgemeld; phase 1, Collectie)"},
    {"2", kPickedUp, kNoReason,
     "Shipment accepted (Zending in ontvangst genomen; phase 1, Collectie)"},
    {"3", kPickedUp, kNoReason, "Shipment collected (Zending afgehaald; phase 1, Collectie)"},
    {"4", kLabelCreated, kNoReason,
     "Shipment not collected (Zending niet afgehaald; phase 1, Collectie)"},
    {"13", kLabelCreated, kNoReason,
     "Pre-alerted shipment (Voorgemeld: nog niet aangenomen; phase 1, Collectie)"},
    {"14", kLabelCreated, kSenderIssue,
     "Shipment pre-alerted (Voorgemeld: definitief niet aangenomen; phase 1, Collectie)"},
    {"15", kDelayed, kUnderInvestigation,
     "Missing collection (Manco collectie; phase 1, Collectie)"},
    {"18", kLost, kLostReason, "Definitely missing (Definitief manco; phase 1, Collectie)"},
    {"19", kLabelCreated, kSenderIssue,
     "Shipment rejected (Zending afgekeurd; phase 1, Collectie)"},
    {"5", kInTransit, kNoReason, "Shipment sorted (Zending gesorteerd; phase 2, Sortering)"},
    {"6", kDelayed, kCarrierDelay,
     "Shipment not sorted (Zending niet gesorteerd; phase 2, Sortering)"},
    {"16", kDelayed, kUnderInvestigation,
     "Missing in sorting (Manco sortering; phase 2, Sortering)"},
    {"21", kInTransit, kNoReason, "Shipment in storage (Zending in voorraad; phase 2, Sortering)"},
    {"7", kOutForDelivery, kNoReason,
     "Shipment out for delivery (Zending in distributieproces; phase 3, Distributie)"},
    {"8", kException, kOtherReason,
     "Shipment not delivered (Zending niet afgeleverd; phase 3, Distributie)"},
    {"9", kInTransit, kCustoms, "Shipment at customs (Zending bij douane; phase 3, Distributie)"},
    {"17", kDelayed, kUnderInvestigation,
     "Missing in distribution (Manco distributie; phase 3, Distributie)"},
    {"20", kInTransit, kCustoms,
     "Shipment in clearance process (Zending in inklaringsproces; phase 3, Distributie)"},
    {"11", kDelivered, kNoReason, "Shipment delivered (Zending afgeleverd; phase 4, Afgeleverd)"},
    {"12", kForPickup, kHeldForPickup,
     "Shipment at pick-up location (Zending beschikbaar op afhaallocatie; phase 4, Afgeleverd)"},
    {"22", kDelivered, kNoReason,
     "Shipment picked up from post office (Zending afgehaald van Postkantoor; phase 4, "
     "Afgeleverd)"},
    {"23", kPickedUp, kNoReason,
     "Parcel collected (Afhaalopdracht gecollecteerd; phase 4, Afgeleverd)"},
    {"27", kReturning, kReturnToSender,
     "Return: undeliverable (Retour Onbestelbaar; in the event code table only)"},
    {"28", kReturning, kIdFailed,
     "Return: wrong delivery code (Retour Foutieve aflevercode; in the event code table only)"},
    {"31", kInTransit, kNoReason,
     "Shipment ready for transport to the country of destination (Zending klaar voor transport "
     "naar land van bestemming; in the event code table only)"},
    {"99", kInTransit, kNoReason,
     "Not applicable (Niet van toepassing; phase 99, Niet van toepassing)"},
};

constexpr CrosswalkRow kPhaseCodes[] = {
    {"1", kLabelCreated, kNoReason, "Collectie (collection): the status code decides"},
    {"2", kInTransit, kNoReason, "Sortering (sorting)"},
    {"3", kInTransit, kNoReason, "Distributie (distribution)"},
    {"4", kInTransit, kNoReason,
     "Afgeleverd (delivered phase, which also holds \"at a pick-up location\"): never DELIVERED "
     "without its status code"},
    {"99", kInTransit, kNoReason, "Niet van toepassing (not applicable): says nothing"},
};

// Delivered events that say where the parcel was left.
struct DeliveryPlace {
  absl::string_view code;
  absl::string_view place;
};
constexpr DeliveryPlace kDeliveryPlaces[] = {
    {"I02", "PostNL outlet (collected by the recipient)"},
    {"I05", "letterbox"},
    {"I09", "personal parcel locker"},
    {"I10", "neighbour"},
    {"I11", "letterbox"},
    {"I12", "indicated location"},
    {"I22", "PostNL outlet (collected by the recipient)"},
    {"I23", "handed to the recipient"},
    {"Z05", "neighbour"},
    {"Z06", "collection point (collected by the recipient)"},
    {"Z09", "recipient's safe location"},
};

std::string NumericKey(absl::string_view code) {
  absl::string_view key = absl::StripAsciiWhitespace(code);
  while (key.size() > 1 && key.front() == '0') key.remove_prefix(1);
  return std::string(key);
}

}  // namespace

const Crosswalk& PostnlStatusCrosswalk() {
  static const Crosswalk kTable{"PostNL", "Status.StatusCode (Shippingstatus v2)",
                                kPostnlCodesSource, kStatusCodes};
  return kTable;
}

const Crosswalk& PostnlPhaseCrosswalk() {
  static const Crosswalk kTable{"PostNL", "Status.PhaseCode (Shippingstatus v2)",
                                kPostnlCodesSource, kPhaseCodes};
  return kTable;
}

PostnlStatus MapPostnlEvent(absl::string_view code, absl::string_view description,
                            bool* published) {
  const std::string key = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(code));
  if (const CrosswalkRow* row = PostnlEventCrosswalk().Find(key)) {
    if (published != nullptr) *published = true;
    return {row->state, row->reason};
  }
  if (published != nullptr) *published = false;
  // An event code outside the table: its text decides, and never DELIVERED.
  const std::string lower = absl::AsciiStrToLower(description);
  if (absl::StrContains(lower, "return")) {
    return {kReturning, ReasonOr(description, kReturnToSender)};
  }
  if (absl::StrContains(lower, "delay") || absl::StrContains(lower, "postponed") ||
      absl::StrContains(lower, "delivery time has been updated")) {
    return {kDelayed, ReasonOr(description, kCarrierDelay)};
  }
  if (absl::StrContains(lower, "not delivered") || absl::StrContains(lower, "missed you") ||
      absl::StrContains(lower, "unsuccessful")) {
    return {kAttempted, ReasonFromText(description)};
  }
  return {kInTransit, kNoReason};
}

PostnlStatus MapPostnlStatus(absl::string_view status_code, absl::string_view phase_code) {
  const std::string status = NumericKey(status_code);
  if (status != "99") {
    if (const CrosswalkRow* row = PostnlStatusCrosswalk().Find(status)) {
      return {row->state, row->reason};
    }
  }
  const std::string phase = NumericKey(phase_code);
  if (phase != "99") {
    if (const CrosswalkRow* row = PostnlPhaseCrosswalk().Find(phase)) {
      return {row->state, row->reason};
    }
  }
  return {};
}

absl::string_view PostnlDeliveryPlace(absl::string_view event_code) {
  const std::string key = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(event_code));
  for (const DeliveryPlace& entry : kDeliveryPlaces) {
    if (entry.code == key) return entry.place;
  }
  return "";
}

int PostnlUtcOffset(absl::CivilSecond wall) {
  constexpr int kCentralEuropeanStandardHours = 1;
  return EuropeanUtcOffset(kCentralEuropeanStandardHours, wall);
}

}  // namespace trackenrich::adapters::postnl
