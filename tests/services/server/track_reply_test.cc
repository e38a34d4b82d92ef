// The TrackShipment reply written from a cached answer's stored bytes
// (services/server/track_reply.h) reads, once parsed, exactly as the answer
// copied and marked the ordinary way, whatever provenance the stored bytes
// carried.
#include "services/server/track_reply.h"

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "google/protobuf/util/message_differencer.h"

namespace trackenrich::server {
namespace {

v1::Shipment Answer() {
  v1::Shipment shipment;
  shipment.set_carrier(v1::CARRIER_UPS);
  shipment.set_tracking_number("1Z999AA10123456784");
  shipment.set_state(v1::SHIPMENT_STATE_IN_TRANSIT);
  shipment.set_carrier_status_text("On the way");
  auto* event = shipment.add_events();
  event->set_description("Departed from facility");
  event->mutable_time()->set_seconds(1764900000);
  shipment.mutable_provenance()->set_adapter("ups");
  shipment.mutable_provenance()->set_payload_sha256("ab12");
  shipment.mutable_provenance()->set_sandbox(true);
  return shipment;
}

ServedShipment Served(const v1::Shipment& answer, v1::CacheLayer layer, absl::Time fetched_at,
                      absl::Time now, bool stale, bool with_payload) {
  ServedShipment served;
  served.served.answer = std::make_shared<const v1::Shipment>(answer);
  served.served.layer = layer;
  served.served.fetched_at = fetched_at;
  served.served.stale = stale;
  if (with_payload) {
    served.served.payload = std::make_shared<const std::string>(answer.SerializeAsString());
  }
  served.now = now;
  return served;
}

v1::TrackShipmentResponse Parsed(const ServedShipment& served) {
  v1::TrackShipmentResponse response;
  REQUIRE(response.ParseFromString(TrackShipmentResponseBytes(served)));
  return response;
}

v1::TrackShipmentResponse Expected(const ServedShipment& served) {
  v1::TrackShipmentResponse response;
  *response.mutable_shipment() = served.ToShipment();
  return response;
}

void CheckSame(const ServedShipment& served) {
  const v1::TrackShipmentResponse got = Parsed(served);
  const v1::TrackShipmentResponse want = Expected(served);
  INFO(got.DebugString() << "\nwanted\n" << want.DebugString());
  CHECK(google::protobuf::util::MessageDifferencer::Equals(got, want));
  CHECK(got.shipment().provenance().has_fetched_at());
  CHECK(got.shipment().provenance().has_age());
}

TEST_CASE("track reply: stored bytes plus marks read as the marked copy") {
  const absl::Time fetched = absl::FromUnixSeconds(1764900000) + absl::Nanoseconds(250);
  const absl::Time now = fetched + absl::Seconds(42) + absl::Milliseconds(7);
  CheckSame(Served(Answer(), v1::CACHE_LAYER_MEMORY, fetched, now, false, true));
  CheckSame(Served(Answer(), v1::CACHE_LAYER_REDIS, fetched, now, true, true));
  CheckSame(Served(Answer(), v1::CACHE_LAYER_COALESCED, fetched, now, false, true));
}

TEST_CASE("track reply: zero marks override what the stored bytes carried") {
  // Stored with every mark set (an entry written by another version): the
  // reply's marks, zeros included, must win.
  v1::Shipment stored = Answer();
  auto* provenance = stored.mutable_provenance();
  provenance->set_cache_layer(v1::CACHE_LAYER_REDIS);
  provenance->mutable_fetched_at()->set_seconds(1700000000);
  provenance->mutable_fetched_at()->set_nanos(999);
  provenance->mutable_age()->set_seconds(77);
  provenance->mutable_age()->set_nanos(5);
  provenance->set_stale(true);
  const absl::Time fetched = absl::FromUnixSeconds(1764900000);
  ServedShipment served = Served(stored, v1::CACHE_LAYER_NONE, fetched, fetched, false, true);
  const v1::TrackShipmentResponse got = Parsed(served);
  CHECK(google::protobuf::util::MessageDifferencer::Equals(got, Expected(served)));
  CHECK(got.shipment().provenance().fetched_at().nanos() == 0);
  CHECK(got.shipment().provenance().age().seconds() == 0);
  CHECK_FALSE(got.shipment().provenance().stale());
  CHECK(got.shipment().provenance().cache_layer() == v1::CACHE_LAYER_NONE);
  CHECK(got.shipment().provenance().payload_sha256() == "ab12");
}

TEST_CASE("track reply: an answer without stored bytes is serialized") {
  const absl::Time fetched = absl::FromUnixSeconds(1764900000);
  CheckSame(
      Served(Answer(), v1::CACHE_LAYER_NONE, fetched, fetched + absl::Seconds(1), false, false));
}

TEST_CASE("track reply: the written byte buffer holds the same bytes") {
  const absl::Time fetched = absl::FromUnixSeconds(1764900000);
  const ServedShipment served =
      Served(Answer(), v1::CACHE_LAYER_MEMORY, fetched, fetched + absl::Seconds(3), false, true);
  grpc::ByteBuffer buffer;
  WriteTrackShipmentResponse(served, &buffer);
  grpc::Slice slice;
  REQUIRE(buffer.DumpToSingleSlice(&slice).ok());
  CHECK(std::string(reinterpret_cast<const char*>(slice.begin()), slice.size()) ==
        TrackShipmentResponseBytes(served));
}

}  // namespace
}  // namespace trackenrich::server
