// Shared by PostNL's crosswalk tables (postnl_status_map.cc and
// postnl_event_codes.cc): where PostNL publishes its codes, and short names
// for the reasons adapters/common/crosswalk_names.h does not name, so each
// table reads as one row per code.
//
//   {"H01", kReturning, kRefused, "Refused at delivery; return shipment to sender (status 08)"},
#ifndef TRACKENRICH_ADAPTERS_POSTNL_POSTNL_CODES_H_
#define TRACKENRICH_ADAPTERS_POSTNL_POSTNL_CODES_H_

#include "absl/strings/string_view.h"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::postnl {

inline constexpr absl::string_view kPostnlCodesSource =
    "PostNL T & T Status Codes (developer.postnl.nl/docs/#/http/reference-data/"
    "t-t-status-codes; PostNL developer-portal build, github.com/maarten-brijker-postnl/"
    "apimatic-testbuild-v1, content/reference data/TTStatusCodes.md)";

inline constexpr v1::StateReason kRescheduled = v1::STATE_REASON_RESCHEDULED_BY_RECIPIENT;
inline constexpr v1::StateReason kSenderIssue = v1::STATE_REASON_SENDER_ISSUE;
inline constexpr v1::StateReason kBusinessClosed = v1::STATE_REASON_BUSINESS_CLOSED;
inline constexpr v1::StateReason kDamaged = v1::STATE_REASON_DAMAGED;
inline constexpr v1::StateReason kRefused = v1::STATE_REASON_REFUSED;
inline constexpr v1::StateReason kIdFailed = v1::STATE_REASON_ID_VERIFICATION_FAILED;
inline constexpr v1::StateReason kProhibitedItem = v1::STATE_REASON_PROHIBITED_ITEM;
inline constexpr v1::StateReason kLostReason = v1::STATE_REASON_LOST;
inline constexpr v1::StateReason kDutiesUnpaid = v1::STATE_REASON_CUSTOMS_DUTIES_UNPAID;
inline constexpr v1::StateReason kUnderInvestigation = v1::STATE_REASON_UNDER_INVESTIGATION;
inline constexpr v1::StateReason kSecurityHold = v1::STATE_REASON_SECURITY_HOLD;
inline constexpr v1::StateReason kWeather = v1::STATE_REASON_WEATHER;

}  // namespace trackenrich::adapters::postnl

#endif  // TRACKENRICH_ADAPTERS_POSTNL_POSTNL_CODES_H_
