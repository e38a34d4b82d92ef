#include "adapters/common/json_time.h"

#include <string>

#include "adapters/common/json_util.h"
#include "adapters/common/time_util.h"

namespace trackenrich::adapters {

bool ReadTime(const boost::json::value& root, std::initializer_list<std::string_view> path,
              google::protobuf::Timestamp* out) {
  const std::string text = JsonString(root, path);
  if (text.empty()) return false;
  auto time = ParseRfc3339(text);
  if (!time.ok()) return false;
  ToProto(*time, out);
  return true;
}

void ReadWindow(const boost::json::value& root, std::initializer_list<std::string_view> start,
                std::initializer_list<std::string_view> end, v1::TimeWindow* out) {
  google::protobuf::Timestamp at;
  if (ReadTime(root, start, &at)) *out->mutable_start() = at;
  if (ReadTime(root, end, &at)) *out->mutable_end() = at;
}

}  // namespace trackenrich::adapters
