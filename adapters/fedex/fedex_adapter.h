// The FedEx tracking adapter: OAuth client credentials plus the Track API,
// with lookups batched up to 30 numbers per upstream call.
//
//   RegisterFedexAdapter(registry, http_client, {.base_url = "https://apis.fedex.com",
//                                                .client_id = id, .client_secret = secret});
//
// Each Track() call is one number (the TrackingSource contract); the adapter
// gathers the numbers asked for within `batch_window` (flushing at
// `max_batch` numbers, or early for a caller whose deadline is nearer than
// the window) into one POST /track/v1/trackingnumbers and answers every
// caller from it, so a 60-number BatchTrackShipments costs two upstream calls.
#ifndef TRACKENRICH_ADAPTERS_FEDEX_FEDEX_ADAPTER_H_
#define TRACKENRICH_ADAPTERS_FEDEX_FEDEX_ADAPTER_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"

#include "adapters/http/http_client.h"
#include "adapters/tracking_source.h"

namespace trackenrich::adapters::fedex {

struct FedexSettings {
  std::string base_url = "https://apis.fedex.com";
  std::string client_id;
  std::string client_secret;
  absl::Duration batch_window = absl::Milliseconds(2);
  // 1..30 (FedEx's limit per request).
  size_t max_batch = 30;
};

// Adds the FedEx adapter to `registry`. INVALID_ARGUMENT if the base URL does
// not parse or max_batch is outside 1..30. With no credentials the adapter is
// still registered and answers FAILED_PRECONDITION naming FedEx.
absl::Status RegisterFedexAdapter(AdapterRegistry& registry, http::HttpClient& client,
                                  FedexSettings settings);

}  // namespace trackenrich::adapters::fedex

#endif  // TRACKENRICH_ADAPTERS_FEDEX_FEDEX_ADAPTER_H_
