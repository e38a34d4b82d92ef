#include "services/server/track_reply.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "absl/time/time.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "grpcpp/support/slice.h"

namespace trackenrich::server {
namespace {

using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedOutputStream;

// Field numbers (proto/trackenrich/v1/tracking_service.proto, shipment.proto).
constexpr int kResponseShipment = 1;     // TrackShipmentResponse.shipment
constexpr int kShipmentProvenance = 18;  // Shipment.provenance
constexpr int kFetchedAt = 3;            // Provenance.fetched_at
constexpr int kCacheLayer = 4;           // Provenance.cache_layer
constexpr int kAge = 5;                  // Provenance.age
constexpr int kStale = 6;                // Provenance.stale

// The largest marks: two tags and lengths, a Timestamp and a Duration of at
// most 11 + 6 bytes each, an enum and a bool.
constexpr size_t kMaxMarks = 64;

// Seconds and nanoseconds, both always written: an explicit zero overrides
// what the stored answer may hold.
uint8_t* WriteSecondsNanos(int field, int64_t seconds, int32_t nanos, uint8_t* target) {
  const size_t size = WireFormatLite::Int64Size(seconds) + WireFormatLite::Int32Size(nanos) + 2;
  target =
      WireFormatLite::WriteTagToArray(field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED, target);
  target = CodedOutputStream::WriteVarint32ToArray(static_cast<uint32_t>(size), target);
  target = WireFormatLite::WriteInt64ToArray(1, seconds, target);
  return WireFormatLite::WriteInt32ToArray(2, nanos, target);
}

// `shipment`'s provenance marks as one `provenance` field, into `target`
// (kMaxMarks bytes); returns the end. Values as MarkProvenance sets them.
uint8_t* WriteMarks(const ServedShipment& shipment, uint8_t* target) {
  const Served& served = shipment.served;
  uint8_t body[kMaxMarks];
  uint8_t* end = WireFormatLite::WriteEnumToArray(kCacheLayer, served.layer, body);
  const int64_t fetched_seconds = absl::ToUnixSeconds(served.fetched_at);
  end = WriteSecondsNanos(
      kFetchedAt, fetched_seconds,
      static_cast<int32_t>((served.fetched_at - absl::FromUnixSeconds(fetched_seconds)) /
                           absl::Nanoseconds(1)),
      end);
  const absl::Duration age = std::max(shipment.now - served.fetched_at, absl::ZeroDuration());
  const int64_t age_seconds = absl::ToInt64Seconds(age);
  end = WriteSecondsNanos(
      kAge, age_seconds,
      static_cast<int32_t>((age - absl::Seconds(age_seconds)) / absl::Nanoseconds(1)), end);
  end = WireFormatLite::WriteBoolToArray(kStale, served.stale, end);
  const auto size = static_cast<uint32_t>(end - body);
  target = WireFormatLite::WriteTagToArray(kShipmentProvenance,
                                           WireFormatLite::WIRETYPE_LENGTH_DELIMITED, target);
  target = CodedOutputStream::WriteVarint32ToArray(size, target);
  std::memcpy(target, body, size);
  return target + size;
}

// Calls `write(size, fill)`: `fill(target)` writes the `size` bytes of the
// response at `target`.
template <typename Write>
void Encode(const ServedShipment& shipment, Write write) {
  if (shipment.served.payload == nullptr) {
    v1::TrackShipmentResponse response;
    *response.mutable_shipment() = shipment.ToShipment();
    const size_t size = response.ByteSizeLong();
    write(size, [&](uint8_t* target) { response.SerializeWithCachedSizesToArray(target); });
    return;
  }
  const std::string& payload = *shipment.served.payload;
  uint8_t marks[kMaxMarks + 8];
  const size_t marks_size = static_cast<size_t>(WriteMarks(shipment, marks) - marks);
  const size_t shipment_size = payload.size() + marks_size;
  const size_t size =
      1 + CodedOutputStream::VarintSize32(static_cast<uint32_t>(shipment_size)) + shipment_size;
  write(size, [&](uint8_t* target) {
    target = WireFormatLite::WriteTagToArray(kResponseShipment,
                                             WireFormatLite::WIRETYPE_LENGTH_DELIMITED, target);
    target = CodedOutputStream::WriteVarint32ToArray(static_cast<uint32_t>(shipment_size), target);
    std::memcpy(target, payload.data(), payload.size());
    std::memcpy(target + payload.size(), marks, marks_size);
  });
}

}  // namespace

void WriteTrackShipmentResponse(const ServedShipment& shipment, grpc::ByteBuffer* out) {
  Encode(shipment, [out](size_t size, auto fill) {
    grpc::Slice slice(size);
    fill(const_cast<uint8_t*>(slice.begin()));
    grpc::ByteBuffer buffer(&slice, 1);
    out->Swap(&buffer);
  });
}

std::string TrackShipmentResponseBytes(const ServedShipment& shipment) {
  std::string bytes;
  Encode(shipment, [&bytes](size_t size, auto fill) {
    bytes.resize(size);
    fill(reinterpret_cast<uint8_t*>(bytes.data()));
  });
  return bytes;
}

}  // namespace trackenrich::server
