#include "services/enrichment/risk_flags.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

#include "adapters/common/normalize.h"
#include "adapters/common/time_util.h"
#include "adapters/detection/carrier_detection.h"
#include "adapters/detection/tracking_urls.h"

namespace trackenrich::enrichment {
namespace {

using adapters::FromProto;

bool HasTime(const google::protobuf::Timestamp& timestamp) {
  return timestamp.seconds() != 0 || timestamp.nanos() != 0;
}

std::string Utc(absl::Time time) {
  return absl::FormatTime("%Y-%m-%d %H:%M UTC", time, absl::UTCTimeZone());
}

std::string CarrierName(const v1::Shipment& shipment) {
  if (!shipment.carrier_name().empty()) return shipment.carrier_name();
  std::string name = detection::CarrierDisplayName(shipment.carrier());
  return name.empty() ? "The carrier" : name;
}

v1::RiskFlag MakeFlag(v1::RiskFlagKind kind, std::string reason, const v1::Shipment* shipment,
                      const v1::Order* order) {
  v1::RiskFlag flag;
  flag.set_kind(kind);
  flag.set_reason(std::move(reason));
  if (shipment != nullptr) flag.set_tracking_number(shipment->tracking_number());
  if (order != nullptr) flag.set_order_id(order->order_id());
  return flag;
}

bool SellerFulfilled(const v1::Order& order) {
  return order.fulfillment() != v1::FULFILLMENT_FBA && order.fulfillment() != v1::FULFILLMENT_MCF;
}

bool Unshipped(const v1::Order& order) {
  switch (order.status()) {
    case v1::ORDER_STATUS_PENDING:
    case v1::ORDER_STATUS_UNSHIPPED:
    case v1::ORDER_STATUS_PARTIALLY_SHIPPED:
      return true;
    case v1::ORDER_STATUS_UNSPECIFIED:
      return order.shipments().empty();
    default:
      return false;
  }
}

// States of a package that should keep producing carrier events.
bool Moving(v1::ShipmentState state) {
  switch (state) {
    case v1::SHIPMENT_STATE_LABEL_CREATED:
    case v1::SHIPMENT_STATE_PICKED_UP:
    case v1::SHIPMENT_STATE_IN_TRANSIT:
    case v1::SHIPMENT_STATE_OUT_FOR_DELIVERY:
    case v1::SHIPMENT_STATE_DELAYED:
    case v1::SHIPMENT_STATE_EXCEPTION:
    case v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED:
    case v1::SHIPMENT_STATE_RETURNING:
      return true;
    default:
      return false;
  }
}

absl::optional<absl::Time> LastEventTime(const v1::Shipment& shipment) {
  if (HasTime(shipment.last_event_at())) return FromProto(shipment.last_event_at());
  if (shipment.events().empty()) return absl::nullopt;
  absl::Time last = absl::InfinitePast();
  for (const auto& event : shipment.events()) last = std::max(last, FromProto(event.time()));
  return last;
}

void CheckDigitFlag(const v1::Shipment& shipment, const v1::Order* order,
                    std::vector<v1::RiskFlag>& flags) {
  if (shipment.tracking_number().empty()) return;
  const v1::DetectCarrierResponse detected = detection::DetectCarrier(shipment.tracking_number());
  const v1::CarrierCandidate* own = nullptr;
  for (const auto& candidate : detected.candidates()) {
    if (candidate.carrier() == shipment.carrier()) own = &candidate;
  }
  if (own != nullptr && own->checksum() == v1::CHECKSUM_RESULT_INVALID) {
    flags.push_back(MakeFlag(
        v1::RISK_FLAG_KIND_INVALID_TRACKING,
        absl::StrCat("Tracking number ", shipment.tracking_number(), " fails the ", own->format(),
                     " check digit: likely mistyped, a Valid Tracking "
                     "Rate risk. Check it against the label."),
        &shipment, order));
  } else if (own == nullptr && detected.invalid_checksum()) {
    flags.push_back(MakeFlag(v1::RISK_FLAG_KIND_INVALID_TRACKING,
                             absl::StrCat("Tracking number ", shipment.tracking_number(),
                                          " fails the check digit of every format it matches: "
                                          "likely mistyped, a Valid Tracking Rate risk. Check it "
                                          "against the label."),
                             &shipment, order));
  }
}

void NoRecordFlag(const v1::Shipment& shipment, const v1::Order* order,
                  const EnrichmentSettings& settings, absl::Time now,
                  std::vector<v1::RiskFlag>& flags) {
  if (shipment.state() != v1::SHIPMENT_STATE_NOT_FOUND) return;
  absl::optional<absl::Time> since;
  std::string since_what;
  for (const auto& event : shipment.events()) {
    const absl::Time time = FromProto(event.time());
    if (!since.has_value() || time < *since) since = time;
    since_what = "the label's first event";
  }
  if (!since.has_value() && order != nullptr && HasTime(order->ship_by().end())) {
    since = FromProto(order->ship_by().end());
    since_what = "the end of the ship-by window";
  }
  if (!since.has_value() || now - *since <= settings.no_record_after) return;
  flags.push_back(MakeFlag(
      v1::RISK_FLAG_KIND_INVALID_TRACKING,
      absl::StrCat(CarrierName(shipment), " still has no record of ", shipment.tracking_number(),
                   ", ", DescribeDuration(now - *since), " after ", since_what, " (", Utc(*since),
                   "): the number may be wrong or the package never handed over. A Valid "
                   "Tracking Rate risk."),
      &shipment, order));
}

void ShipByFlag(const v1::Shipment& shipment, const v1::Order& order,
                const EnrichmentSettings& settings, absl::Time now,
                std::vector<v1::RiskFlag>& flags) {
  if (!SellerFulfilled(order) || !HasTime(order.ship_by().end())) return;
  const absl::Time ship_by = FromProto(order.ship_by().end());
  const absl::Time limit = ship_by + settings.ship_by_grace;
  if (now <= limit) return;
  if (!HasTime(shipment.first_scan_at())) {
    flags.push_back(MakeFlag(v1::RISK_FLAG_KIND_SHIP_BY_MISSED,
                             absl::StrCat("No carrier scan of ", shipment.tracking_number(),
                                          " yet; ship-by ended ", DescribeDuration(now - ship_by),
                                          " ago (", Utc(ship_by), "): a late-shipment risk."),
                             &shipment, &order));
    return;
  }
  const absl::Time first_scan = FromProto(shipment.first_scan_at());
  if (first_scan <= limit) return;
  flags.push_back(
      MakeFlag(v1::RISK_FLAG_KIND_SHIP_BY_MISSED,
               absl::StrCat("The first carrier scan of ", shipment.tracking_number(), " (",
                            Utc(first_scan), ") came ", DescribeDuration(first_scan - ship_by),
                            " after ship-by (", Utc(ship_by), "): counted as a late shipment."),
               &shipment, &order));
}

void LateFlag(const v1::Shipment& shipment, const v1::Order& order,
              const EnrichmentSettings& settings, absl::Time now,
              std::vector<v1::RiskFlag>& flags) {
  if (shipment.state() == v1::SHIPMENT_STATE_DELIVERED ||
      shipment.state() == v1::SHIPMENT_STATE_CANCELLED || !HasTime(order.deliver_by().end())) {
    return;
  }
  const absl::Time deliver_by = FromProto(order.deliver_by().end());
  if (now <= deliver_by + settings.late_grace) return;
  flags.push_back(MakeFlag(
      v1::RISK_FLAG_KIND_LATE,
      absl::StrCat("Not delivered ", DescribeDuration(now - deliver_by),
                   " after the deliver-by promise (", Utc(deliver_by), "); ",
                   shipment.tracking_number(), " is ", StateInWords(shipment.state()), "."),
      &shipment, &order));
}

}  // namespace

std::string DescribeDuration(absl::Duration duration) {
  if (duration < absl::ZeroDuration()) duration = -duration;
  const int64_t minutes = absl::ToInt64Minutes(duration);
  const int64_t days = minutes / (24 * 60);
  const int64_t hours = minutes / 60 % 24;
  auto unit = [](int64_t count, absl::string_view name) {
    return absl::StrCat(count, " ", name, count == 1 ? "" : "s");
  };
  if (days > 0)
    return hours > 0 ? absl::StrCat(unit(days, "day"), " ", unit(hours, "hour"))
                     : unit(days, "day");
  if (hours > 0) return unit(hours, "hour");
  return unit(minutes % 60, "minute");
}

std::string ReasonInWords(v1::StateReason reason) {
  std::string name = v1::StateReason_Name(reason);
  if (absl::StartsWith(name, "STATE_REASON_")) name.erase(0, 13);
  if (name.empty() || name == "UNSPECIFIED") return "";
  return absl::StrReplaceAll(absl::AsciiStrToLower(name), {{"_", " "}});
}

std::string StateInWords(v1::ShipmentState state) {
  std::string name = v1::ShipmentState_Name(state);
  if (absl::StartsWith(name, "SHIPMENT_STATE_")) name.erase(0, 15);
  if (name.empty() || name == "UNSPECIFIED") return "in an unknown state";
  return absl::StrReplaceAll(absl::AsciiStrToLower(name), {{"_", " "}});
}

std::vector<v1::RiskFlag> ShipmentRiskFlags(const v1::Shipment& shipment, const v1::Order* order,
                                            const EnrichmentSettings& settings, absl::Time now) {
  std::vector<v1::RiskFlag> flags;
  if (order != nullptr && order->status() == v1::ORDER_STATUS_CANCELLED) return flags;
  CheckDigitFlag(shipment, order, flags);
  NoRecordFlag(shipment, order, settings, now, flags);
  if (order != nullptr) {
    ShipByFlag(shipment, *order, settings, now, flags);
    LateFlag(shipment, *order, settings, now, flags);
  }

  const v1::ShipmentState state = shipment.state();
  if (adapters::IsExceptionState(state)) {
    std::string reason = absl::StrCat(CarrierName(shipment), " reports ",
                                      shipment.tracking_number(), " ", StateInWords(state));
    if (shipment.reason() != v1::STATE_REASON_UNSPECIFIED) {
      absl::StrAppend(&reason, " (", ReasonInWords(shipment.reason()), ")");
    }
    const std::string& text = shipment.carrier_status_text();
    if (!text.empty()) absl::StrAppend(&reason, ": \"", text, "\"");
    if (text.empty() || !absl::ascii_ispunct(static_cast<unsigned char>(text.back()))) {
      absl::StrAppend(&reason, ".");
    }
    flags.push_back(MakeFlag(v1::RISK_FLAG_KIND_EXCEPTION, std::move(reason), &shipment, order));
  }

  if (Moving(state)) {
    const absl::optional<absl::Time> last = LastEventTime(shipment);
    const absl::Duration threshold = settings.StalledAfter(shipment.carrier());
    if (last.has_value() && now - *last > threshold) {
      flags.push_back(MakeFlag(
          v1::RISK_FLAG_KIND_STALLED,
          absl::StrCat("No new carrier event for ", DescribeDuration(now - *last), " (last at ",
                       Utc(*last), ", ", StateInWords(state), "); ", CarrierName(shipment),
                       " packages count as stalled after ", DescribeDuration(threshold), "."),
          &shipment, order));
    }
  }

  if (state == v1::SHIPMENT_STATE_DELIVERED) {
    const v1::ProofOfDelivery& proof = shipment.proof_of_delivery();
    if (!proof.signature_captured() && !proof.photo_captured() && proof.document_refs().empty()) {
      std::string reason = "Delivered";
      if (HasTime(shipment.delivered_at())) {
        absl::StrAppend(&reason, " at ", Utc(FromProto(shipment.delivered_at())));
      }
      if (!proof.delivery_location().empty()) {
        absl::StrAppend(&reason, ", left at \"", proof.delivery_location(), "\"");
      }
      absl::StrAppend(&reason,
                      " with no signature or photo on record: a not-received claim would be "
                      "hard to contest.");
      flags.push_back(
          MakeFlag(v1::RISK_FLAG_KIND_DELIVERED_UNSIGNED, std::move(reason), &shipment, order));
    }
  }
  return flags;
}

std::vector<v1::RiskFlag> OrderRiskFlags(const v1::Order& order, const EnrichmentSettings& settings,
                                         absl::Time now) {
  std::vector<v1::RiskFlag> flags;
  if (order.status() == v1::ORDER_STATUS_CANCELLED) return flags;

  if (SellerFulfilled(order) && Unshipped(order) && HasTime(order.ship_by().end())) {
    const absl::Time ship_by = FromProto(order.ship_by().end());
    if (now > ship_by + settings.ship_by_grace) {
      flags.push_back(MakeFlag(
          v1::RISK_FLAG_KIND_SHIP_BY_MISSED,
          absl::StrCat(order.status() == v1::ORDER_STATUS_PARTIALLY_SHIPPED ? "Only partly shipped"
                                                                            : "Not shipped",
                       "; ship-by ended ", DescribeDuration(now - ship_by), " ago (", Utc(ship_by),
                       "): ship now to limit the Late Shipment Rate."),
          nullptr, &order));
    }
  }

  bool any_package = false;
  for (const auto& shipment : order.shipments()) {
    if (shipment.state() != v1::SHIPMENT_STATE_CANCELLED) any_package = true;
  }
  if (!any_package && order.status() != v1::ORDER_STATUS_DELIVERED &&
      HasTime(order.deliver_by().end())) {
    const absl::Time deliver_by = FromProto(order.deliver_by().end());
    if (now > deliver_by + settings.late_grace) {
      flags.push_back(MakeFlag(v1::RISK_FLAG_KIND_LATE,
                               absl::StrCat("Not delivered ", DescribeDuration(now - deliver_by),
                                            " after the deliver-by promise (", Utc(deliver_by),
                                            ") and no package is on its way."),
                               nullptr, &order));
    }
  }

  for (const auto& shipment : order.shipments()) {
    auto more = ShipmentRiskFlags(shipment, &order, settings, now);
    flags.insert(flags.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }
  return flags;
}

}  // namespace trackenrich::enrichment
