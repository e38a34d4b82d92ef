// RFC 3339 times and time windows read out of JSON payloads into the proto's
// Timestamp and TimeWindow, for the order sources' pure parsers (include
// from parser .cc files only: Boost.JSON is heavy).
//
//   google::protobuf::Timestamp created;
//   if (ReadTime(order, {"creationDate"}, &created)) { ... }
#ifndef TRACKENRICH_ADAPTERS_COMMON_JSON_TIME_H_
#define TRACKENRICH_ADAPTERS_COMMON_JSON_TIME_H_

#include <initializer_list>
#include <string_view>

#include "boost/json/value.hpp"

#include "trackenrich/v1/shipment.pb.h"

namespace trackenrich::adapters {

// Sets `out` from the RFC 3339 time at `path`; false (and `out` untouched)
// when missing or unreadable.
bool ReadTime(const boost::json::value& root, std::initializer_list<std::string_view> path,
              google::protobuf::Timestamp* out);

// A window from two times; only the ends present are set.
void ReadWindow(const boost::json::value& root, std::initializer_list<std::string_view> start,
                std::initializer_list<std::string_view> end, v1::TimeWindow* out);

}  // namespace trackenrich::adapters

#endif  // TRACKENRICH_ADAPTERS_COMMON_JSON_TIME_H_
