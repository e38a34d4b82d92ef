// The USPS crosswalk against USPS's published code lists: statusCategory
// values and Publication 199 event codes. Each list is written here from
// USPS's documentation, independently of the tables, so a table that skips or
// invents a code fails. Pub 199's event appendix could not be read in any
// stored copy; the event list is USPS's Web Tools Track/Confirm event code
// list with the Tracking 3.x payload codes, as the table comment in
// adapters/usps/usps_status_map.cc describes (01, 02, 53 and 54 confirmed
// against USPS's Customer Daily Extract list).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "adapters/common/crosswalk_names.h"
#include "adapters/usps/usps_status_map.h"
#include "tests/support/crosswalk_check.h"

namespace trackenrich::adapters::usps {
namespace {

using testing::CheckMapped;
using testing::PublishedCode;

// USPS Tracking 3.x statusCategory.
const std::vector<PublishedCode>& PublishedCategories() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"Pre-Shipment", kLabelCreated, kNoReason},
      {"Accepted", kPickedUp, kNoReason},
      {"In Transit", kInTransit, kNoReason},
      {"Moving Through Network", kInTransit, kNoReason},
      {"Out for Delivery", kOutForDelivery, kNoReason},
      {"Delivered", kDelivered, kNoReason},
      {"Available for Pickup", kForPickup, kHeldForPickup},
      {"Delivery Attempt", kAttempted, kRecipientUnavailable},
      {"Alert", kException, kOtherReason},
  };
  return *codes;
}

// USPS event codes (Web Tools Track/Confirm list; GX, A1, T1, TL from
// Tracking 3.x payloads).
const std::vector<PublishedCode>& PublishedEventCodes() {
  static const auto* const codes = new std::vector<PublishedCode>{
      {"01", kDelivered, kNoReason},
      {"02", kAttempted, kRecipientUnavailable},
      {"03", kPickedUp, kNoReason},
      {"04", kReturning, v1::STATE_REASON_REFUSED},
      {"05", kException, kAddressIssue},
      {"06", kInTransit, kNoReason},  // forwarded
      {"07", kInTransit, kNoReason},  // arrival at unit
      {"08", kDelayed, kMissorted},
      {"09", kReturning, kReturnToSender},
      {"10", kInTransit, kNoReason},
      {"11", kLost, kOtherReason},  // dead letter
      {"14", kForPickup, kHeldForPickup},
      {"15", kDelayed, kMissorted},
      {"16", kForPickup, kHeldForPickup},
      {"17", kDelivered, kNoReason},  // picked up by agent
      {"19", kInTransit, kNoReason},
      {"21", kReturning, kAddressIssue},
      {"22", kReturning, kAddressIssue},
      {"23", kReturning, kAddressIssue},
      {"24", kReturning, kAddressIssue},
      {"25", kReturning, kAddressIssue},
      {"26", kReturning, kAddressIssue},
      {"27", kReturning, kReturnToSender},
      {"28", kReturning, kReturnToSender},
      {"29", kReturning, kReturnToSender},
      {"30", kAttempted, kAccessRestricted},  // no access to delivery location
      {"31", kReturning, kReturnToSender},
      {"41", kInTransit, kNoReason},
      {"42", kInTransit, kNoReason},
      {"43", kDelivered, kNoReason},
      {"44", kReturning, kReturnToSender},  // customer recall
      {"51", kAttempted, v1::STATE_REASON_BUSINESS_CLOSED},
      {"52", kAttempted, kRecipientUnavailable},
      {"53", kAttempted, kAccessRestricted},
      {"54", kAttempted, kAccessRestricted},
      {"55", kAttempted, kAccessRestricted},
      {"56", kAttempted, kRecipientUnavailable},
      {"71", kDelayed, kCarrierDelay},  // rescheduled to next delivery day
      {"80", kInTransit, kNoReason},
      {"81", kInTransit, kNoReason},
      {"82", kInTransit, kNoReason},
      {"A1", kInTransit, kNoReason},
      {"DX", kInTransit, kNoReason},
      {"EF", kInTransit, kNoReason},
      {"GX", kLabelCreated, kNoReason},
      {"MA", kLabelCreated, kNoReason},
      {"OF", kOutForDelivery, kNoReason},
      {"PA", kPickedUp, kNoReason},
      {"PC", kInTransit, kNoReason},
      {"SF", kInTransit, kNoReason},
      {"T1", kInTransit, kNoReason},
      {"TL", kInTransit, kNoReason},
      {"TM", kPickedUp, kNoReason},
  };
  return *codes;
}

TEST_CASE("USPS crosswalk tables hold exactly USPS's published codes", "[usps][crosswalk]") {
  testing::CheckCrosswalk(UspsStatusCategoryCrosswalk(), PublishedCategories());
  testing::CheckCrosswalk(UspsEventCrosswalk(), PublishedEventCodes());
}

TEST_CASE("USPS mapping answers each published code as listed", "[usps][crosswalk]") {
  for (const PublishedCode& category : PublishedCategories()) {
    INFO("statusCategory " << category.code);
    CheckMapped(MapUspsStatusCategory(category.code, ""), category);
  }
  for (const PublishedCode& code : PublishedEventCodes()) {
    INFO("eventCode " << code.code);
    CheckMapped(MapUspsEvent(code.code, ""), code);
  }
}

}  // namespace
}  // namespace trackenrich::adapters::usps
