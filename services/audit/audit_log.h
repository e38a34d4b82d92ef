// AuditLog: an append-only record of what the service told an agent, one
// entry per lookup, so a seller can later show what was known and when (an
// A-to-z claim, a chargeback). With Redis, entries go to one stream per
// tenant ("trackenrich:v1:{tenant}:audit"), capped at about `max_len`
// entries (XADD MAXLEN ~). Entries carry identifiers, states and the
// evidence digest; never ticket text, buyer data or secrets.
//
//   RedisAuditLog audit(redis, {.max_len = 100000});
//   audit.Record({.tenant = "acme", .method = "EnrichTicket", .subjects = {"1Z..."},
//                 .digest = evidence.digest(), .at = absl::Now()});
//
// Recording never blocks or fails a request: errors are counted.
#ifndef TRACKENRICH_SERVICES_AUDIT_AUDIT_LOG_H_
#define TRACKENRICH_SERVICES_AUDIT_AUDIT_LOG_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"

#include "cache/redis/redis_client.h"

namespace trackenrich::audit {

struct AuditRecord {
  std::string tenant = "default";
  // The RPC: "EnrichTicket", "GetOrderTracking", "TrackShipment".
  std::string method;
  // The help desk's ticket ID, when given.
  std::string ticket_id;
  // Order IDs and tracking numbers looked up.
  std::vector<std::string> subjects;
  // "OK" or the status code's name.
  std::string outcome = "OK";
  // What was answered, e.g. "1ZSBX0010300000029=IN_TRANSIT(memory)".
  std::vector<std::string> states;
  // The evidence digest (EnrichTicket) or the payload digests of the answer.
  std::string digest;
  absl::Time at;
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual void Record(AuditRecord record) = 0;
};

struct RedisAuditOptions {
  // Approximate cap per tenant stream (XADD MAXLEN ~).
  int64_t max_len = 100'000;
};

class RedisAuditLog final : public AuditLog {
 public:
  // `redis` must outlive the log.
  RedisAuditLog(cache::RedisClient& redis, RedisAuditOptions options);

  void Record(AuditRecord record) override;

  int64_t written() const { return written_.load(); }
  int64_t failed() const { return failed_.load(); }

 private:
  cache::RedisClient& redis_;
  const RedisAuditOptions options_;
  std::atomic<int64_t> written_{0};
  std::atomic<int64_t> failed_{0};
};

// The XADD arguments for `record` (exposed for tests).
std::vector<std::string> AuditCommand(const AuditRecord& record, int64_t max_len);

}  // namespace trackenrich::audit

#endif  // TRACKENRICH_SERVICES_AUDIT_AUDIT_LOG_H_
