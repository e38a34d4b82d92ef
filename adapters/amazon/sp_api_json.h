// Helpers the SP-API parsers share (include from parser .cc files only:
// Boost.JSON is heavy).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SP_API_JSON_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SP_API_JSON_H_

#include "absl/strings/string_view.h"
#include "boost/json.hpp"

#include "adapters/common/json_time.h"
#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon {

// Fills marketplace_id and marketplace_country.
void SetMarketplace(absl::string_view marketplace_id, v1::Order* order);

// A package as the channel reports it: carrier from Amazon's code (or, when
// unknown, detected from the number), display name, normalized number,
// tracking link.
void SetPackageCarrier(absl::string_view amazon_carrier, absl::string_view tracking_number,
                       v1::Shipment* shipment);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SP_API_JSON_H_
