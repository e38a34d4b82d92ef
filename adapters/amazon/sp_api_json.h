// Helpers the SP-API parsers share (include from parser .cc files only:
// Boost.JSON is heavy).
#ifndef TRACKENRICH_ADAPTERS_AMAZON_SP_API_JSON_H_
#define TRACKENRICH_ADAPTERS_AMAZON_SP_API_JSON_H_

#include <initializer_list>
#include <string_view>

#include "absl/strings/string_view.h"
#include "boost/json.hpp"

#include "trackenrich/v1/order.pb.h"
#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters::amazon {

// Sets `out` from the RFC 3339 time at `path`; false (and `out` untouched)
// when missing or unreadable.
bool ReadTime(const boost::json::value& root, std::initializer_list<std::string_view> path,
              google::protobuf::Timestamp* out);

// A window from two times; only the ends present are set.
void ReadWindow(const boost::json::value& root, std::initializer_list<std::string_view> start,
                std::initializer_list<std::string_view> end, v1::TimeWindow* out);

// Fills marketplace_id and marketplace_country.
void SetMarketplace(absl::string_view marketplace_id, v1::Order* order);

// A package as the channel reports it: carrier from Amazon's code (or, when
// unknown, detected from the number), display name, normalized number,
// tracking link.
void SetPackageCarrier(absl::string_view amazon_carrier, absl::string_view tracking_number,
                       v1::Shipment* shipment);

}  // namespace trackenrich::adapters::amazon

#endif  // TRACKENRICH_ADAPTERS_AMAZON_SP_API_JSON_H_
