#include "adapters/tracking_source.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace trackenrich::adapters {

void TrackingSource::SubscribePushes(const PushSubscriptionQuery& /*query*/,
                                     PushSubscriptionCallback done) {
  done(absl::UnimplementedError(
      absl::StrCat(name(), ": the carrier has no per-number push subscription")));
}

void AdapterRegistry::Add(std::unique_ptr<TrackingSource> source) {
  const int key = source->carrier();
  by_carrier_[key] = std::move(source);
}

TrackingSource* AdapterRegistry::Find(v1::Carrier carrier) const {
  auto it = by_carrier_.find(carrier);
  return it == by_carrier_.end() ? nullptr : it->second.get();
}

std::unique_ptr<TrackingSource> AdapterRegistry::Take(v1::Carrier carrier) {
  auto it = by_carrier_.find(carrier);
  if (it == by_carrier_.end()) return nullptr;
  std::unique_ptr<TrackingSource> source = std::move(it->second);
  by_carrier_.erase(it);
  return source;
}

std::vector<const TrackingSource*> AdapterRegistry::All() const {
  std::vector<const TrackingSource*> all;
  for (const auto& [carrier, source] : by_carrier_) all.push_back(source.get());
  return all;
}

}  // namespace trackenrich::adapters
