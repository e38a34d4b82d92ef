// A SharedStore in a map, for unit tests: answers inline (or, when
// `defer_gets` is set, when the test calls ReleaseGets()), can be "down",
// and counts what it was asked.
#ifndef TRACKENRICH_TESTS_CACHE_FAKE_SHARED_STORE_H_
#define TRACKENRICH_TESTS_CACHE_FAKE_SHARED_STORE_H_

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

#include "cache/shared_store.h"

namespace trackenrich::cache {

class FakeSharedStore final : public SharedStore {
 public:
  void Get(const std::string& key, SharedGetCallback done) override {
    ++gets;
    if (defer_gets) {
      deferred.emplace_back(key, std::move(done));
      return;
    }
    Answer(key, std::move(done));
  }

  void Put(const std::string& key, const CacheEntry& entry, absl::Time now) override {
    ++puts;
    if (!up) return;
    entries[key] = std::make_shared<const CacheEntry>(entry);
  }

  bool available() const override { return up; }

  // Answers the deferred Gets with what the store holds now.
  void ReleaseGets() {
    auto pending = std::move(deferred);
    deferred.clear();
    for (auto& [key, done] : pending) Answer(key, std::move(done));
  }

  bool up = true;
  bool fail_gets = false;
  bool defer_gets = false;
  int gets = 0;
  int puts = 0;
  std::map<std::string, std::shared_ptr<const CacheEntry>> entries;
  std::vector<std::pair<std::string, SharedGetCallback>> deferred;

 private:
  void Answer(const std::string& key, SharedGetCallback done) {
    if (fail_gets || !up) {
      done(absl::UnavailableError("fake store: down"));
      return;
    }
    auto it = entries.find(key);
    done(it == entries.end() ? nullptr : it->second);
  }
};

}  // namespace trackenrich::cache

#endif  // TRACKENRICH_TESTS_CACHE_FAKE_SHARED_STORE_H_
