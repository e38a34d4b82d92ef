#include "services/audit/audit_log.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "spdlog/spdlog.h"

#include "cache/cache_keys.h"

namespace trackenrich::audit {

std::vector<std::string> AuditCommand(const AuditRecord& record, int64_t max_len) {
  return {"XADD",
          cache::AuditStreamKey(record.tenant),
          "MAXLEN",
          "~",
          absl::StrCat(max_len),
          "*",
          "at",
          absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", record.at, absl::UTCTimeZone()),
          "method",
          record.method,
          "ticket_id",
          record.ticket_id,
          "subjects",
          absl::StrJoin(record.subjects, " "),
          "outcome",
          record.outcome,
          "states",
          absl::StrJoin(record.states, " "),
          "digest",
          record.digest};
}

RedisAuditLog::RedisAuditLog(cache::RedisClient& redis, RedisAuditOptions options)
    : redis_(redis), options_(options) {}

void RedisAuditLog::Record(AuditRecord record) {
  redis_.Command(
      AuditCommand(record, options_.max_len), [this](absl::StatusOr<cache::RedisReply> reply) {
        if (reply.ok() && reply->type != cache::RedisReply::Type::kError) {
          ++written_;
          return;
        }
        // Counted, logged at debug: Redis trouble is reported by /readyz.
        if (++failed_ == 1 || failed_ % 1000 == 0) {
          spdlog::warn("audit: {} entries could not be written to Redis", failed_.load());
        }
      });
}

}  // namespace trackenrich::audit
