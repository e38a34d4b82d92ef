// The one list of crosswalk tables (adapters/common/crosswalk.h) that
// adapters/CROSSWALKS.md prints, in its order.
#include "adapters/common/crosswalk.h"
#include "adapters/fedex/fedex_status_map.h"
#include "adapters/ups/ups_status_map.h"
#include "adapters/usps/usps_status_map.h"

namespace trackenrich::adapters {

std::vector<const Crosswalk*> AllCrosswalks() {
  return {
      &ups::UpsStatusCodeCrosswalk(),
      &ups::UpsCodeCrosswalk(),
      &ups::UpsTypeCrosswalk(),
      &fedex::FedexEventCrosswalk(),
      &fedex::FedexDeliveryExceptionCrosswalk(),
      &fedex::FedexDerivedCrosswalk(),
      &usps::UspsStatusCategoryCrosswalk(),
      &usps::UspsEventCrosswalk(),
  };
}

}  // namespace trackenrich::adapters
