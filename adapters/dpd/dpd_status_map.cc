#include "adapters/dpd/dpd_status_map.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

#include "adapters/common/reason_text.h"

namespace trackenrich::adapters::dpd {
namespace {

struct Entry {
  absl::string_view status;  // lower case
  v1::ShipmentState state;
  v1::StateReason reason;
};

constexpr Entry kStatuses[] = {
    {"accepted", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"pickedup", v1::SHIPMENT_STATE_PICKED_UP, v1::STATE_REASON_UNSPECIFIED},
    {"betweendepots", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"depot", v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED},
    {"courier", v1::SHIPMENT_STATE_OUT_FOR_DELIVERY, v1::STATE_REASON_UNSPECIFIED},
    {"delivered", v1::SHIPMENT_STATE_DELIVERED, v1::STATE_REASON_UNSPECIFIED},
    {"deliveryfailure", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"returningfromdelivery", v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED, v1::STATE_REASON_UNSPECIFIED},
    {"parcelshop", v1::SHIPMENT_STATE_AVAILABLE_FOR_PICKUP, v1::STATE_REASON_HELD_FOR_PICKUP},
    {"shipment", v1::SHIPMENT_STATE_LABEL_CREATED, v1::STATE_REASON_UNSPECIFIED},
};

// Standard offsets in hours, by ISO country code.
struct Zone {
  absl::string_view countries;  // two letters each
  int standard_hours;
};
constexpr Zone kZones[] = {
    {"GBIEPT", 0},
    {"BGCYEEFIGRLTLVRO", 2},
};
constexpr int kDefaultStandardHours = 1;  // CET

// The last Sunday of `month` in `year`, at 01:00 UTC.
absl::Time LastSundayAt0100Utc(int64_t year, int month) {
  absl::CivilDay day = absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1;
  while (absl::GetWeekday(day) != absl::Weekday::sunday) day -= 1;
  return absl::FromCivil(absl::CivilSecond(day) + 3600, absl::UTCTimeZone());
}

}  // namespace

DpdStatus MapDpdStatus(absl::string_view status, absl::string_view description) {
  const std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(status));
  for (const Entry& entry : kStatuses) {
    if (entry.status != key) continue;
    DpdStatus mapped{entry.state, entry.reason};
    if (mapped.state == v1::SHIPMENT_STATE_DELIVERY_ATTEMPTED) {
      mapped.reason = ReasonFromText(description);
    }
    return mapped;
  }
  // A status outside the table: its description decides, as DHL's free text
  // does (a return, then a delay, else still moving).
  const std::string lower = absl::AsciiStrToLower(description);
  if (absl::StrContains(lower, "return")) {
    return {v1::SHIPMENT_STATE_RETURNING, v1::STATE_REASON_RETURN_TO_SENDER};
  }
  if (absl::StrContains(lower, "delay")) {
    // ReasonFromText finds at least "delay" (CARRIER_DELAY), or a cause it names.
    return {v1::SHIPMENT_STATE_DELAYED, ReasonFromText(description)};
  }
  return {v1::SHIPMENT_STATE_IN_TRANSIT, v1::STATE_REASON_UNSPECIFIED};
}

int DpdUtcOffset(absl::string_view country_code, absl::CivilSecond wall) {
  int standard_hours = kDefaultStandardHours;
  const std::string country = absl::AsciiStrToUpper(country_code);
  if (country.size() == 2) {
    for (const Zone& zone : kZones) {
      for (size_t i = 0; i + 1 < zone.countries.size(); i += 2) {
        if (zone.countries.substr(i, 2) == country) standard_hours = zone.standard_hours;
      }
    }
  }
  // Summer time if the wall time, read as summer time, falls inside the EU window.
  const int summer = (standard_hours + 1) * 3600;
  const absl::Time as_summer = absl::FromCivil(wall, absl::FixedTimeZone(summer));
  if (as_summer >= LastSundayAt0100Utc(wall.year(), 3) &&
      as_summer < LastSundayAt0100Utc(wall.year(), 10)) {
    return summer;
  }
  return standard_hours * 3600;
}

}  // namespace trackenrich::adapters::dpd
