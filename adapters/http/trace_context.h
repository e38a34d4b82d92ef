// TraceContext: the W3C Trace Context (https://www.w3.org/TR/trace-context/)
// of the request a thread is working for, so that every upstream HTTP call
// carries a `traceparent` with the caller's trace ID and a span ID of its own.
//
//   http::TraceContext trace = http::TraceContext::Continue(incoming_traceparent);
//   {
//     http::ScopedTrace scope(trace);   // this thread now works for `trace`
//     adapter.Track(query, done);       // HttpClient::Send adds the header
//   }
//
// The lookup pipeline carries the context explicitly (TrackRequest::trace,
// OrderRequest::trace) across its own asynchronous steps (cache, locks, rate
// limits) and installs it around each adapter call. Inside an adapter,
// HttpClient keeps it across asynchronous hops: a Send's completion and a
// RunAt task run under the context that was current when they were started,
// and OAuthTokenCache hands each waiter its token under the waiter's own
// context. Reading the current context never blocks.
#ifndef TRACKENRICH_ADAPTERS_HTTP_TRACE_CONTEXT_H_
#define TRACKENRICH_ADAPTERS_HTTP_TRACE_CONTEXT_H_

#include <atomic>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"

namespace trackenrich::http {

struct TraceContext {
  // 32 lower-case hex digits, not all zero; empty: no trace.
  std::string trace_id;
  // 16 lower-case hex digits: the span this service opened for the request.
  std::string span_id;
  // The caller's span (from its traceparent); empty when this service
  // started the trace.
  std::string parent_span_id;
  bool sampled = false;
  // Counts the upstream HTTP requests sent on the request's behalf (retries
  // of one request not counted again); may be null.
  std::shared_ptr<std::atomic<int>> upstream_requests;

  bool valid() const { return !trace_id.empty(); }

  // "00-<trace_id>-<a new span ID>-<flags>": the header for one outgoing call.
  std::string OutgoingTraceparent() const;

  // Continues the trace of `traceparent` (a header as received) with a new
  // span of this service, or starts a new trace when it is absent or
  // malformed. `upstream_requests` is set.
  static TraceContext Continue(absl::string_view traceparent);
  // A new trace (sampled flag off).
  static TraceContext Start();
};

// Parses a traceparent header: true and the fields when it is well formed
// (version 00, or a later version's first four fields), false otherwise.
bool ParseTraceparent(absl::string_view header, std::string* trace_id, std::string* parent_span_id,
                      bool* sampled);

// 16 random lower-case hex digits, never all zero.
std::string NewSpanId();

// The context this thread works for; an invalid one when none is installed.
const TraceContext& CurrentTrace();

// Installs `trace` as this thread's current context until destroyed (then the
// previous one is back). Installing an invalid context hides the outer one.
class ScopedTrace {
 public:
  explicit ScopedTrace(TraceContext trace);
  ~ScopedTrace();
  ScopedTrace(const ScopedTrace&) = delete;
  ScopedTrace& operator=(const ScopedTrace&) = delete;

 private:
  TraceContext* previous_;
  TraceContext trace_;
};

}  // namespace trackenrich::http

#endif  // TRACKENRICH_ADAPTERS_HTTP_TRACE_CONTEXT_H_
