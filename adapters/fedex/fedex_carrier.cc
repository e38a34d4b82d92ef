#include "adapters/fedex/fedex_carrier.h"

#include <memory>
#include <string>
#include <utility>

#include "adapters/fedex/fedex_adapter.h"

namespace trackenrich::adapters::fedex {
namespace {

class Section final : public CarrierSectionOf<FedexSettings> {
 public:
  std::unique_ptr<CarrierSection> Clone() const override {
    return std::make_unique<Section>(*this);
  }
  absl::Status Register(AdapterRegistry& registry, http::HttpClient& client) const override {
    return RegisterFedexAdapter(registry, client, settings);
  }

 protected:
  absl::Span<const Credential> Credentials() const override {
    static const Credential kCredentials[] = {
        {"client_id", &FedexSettings::client_id, kSandboxClientId},
        {"client_secret", &FedexSettings::client_secret, kSandboxClientSecret},
    };
    return kCredentials;
  }
  absl::Status ReadOptions(SectionReader& reader) override {
    if (auto status = reader.String("base_url", &settings.base_url); !status.ok()) return status;
    if (auto status = reader.Duration("batch_window", &settings.batch_window); !status.ok()) {
      return status;
    }
    int64_t max_batch = static_cast<int64_t>(settings.max_batch);
    if (auto status = reader.Int("max_batch", 1, 30, &max_batch); !status.ok()) return status;
    settings.max_batch = static_cast<size_t>(max_batch);
    return absl::OkStatus();
  }
  void UseSandboxUrl(absl::string_view base_url) override {
    settings.base_url = std::string(base_url);
  }
};

}  // namespace

const CarrierDescriptor& FedexCarrier() {
  static const CarrierDescriptor kCarrier{.name = "fedex", .new_section = [] {
                                            return std::unique_ptr<CarrierSection>(new Section());
                                          }};
  return kCarrier;
}

}  // namespace trackenrich::adapters::fedex
