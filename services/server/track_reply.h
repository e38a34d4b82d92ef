// TrackReply: a TrackShipment answer written straight as the response's wire
// bytes. An answer whose serialized form is at hand (every cached one: the
// cache entry keeps it) is sent as those bytes followed by its per-call
// provenance marks (cache layer, fetched_at, age, stale), encoded as a second
// occurrence of the shipment's `provenance` field. The protobuf encoding
// says a parser merges repeated occurrences of a singular message field
// (protobuf.dev, "Encoding": "Last One Wins"), and every mark is written
// explicitly, zero values included, so the client reads exactly what copying
// the answer and marking the copy would give, while the server copies and
// serializes no proto per call. Answers without stored bytes are copied,
// marked and serialized the ordinary way.
//
//   grpc::ByteBuffer reply;
//   WriteTrackShipmentResponse(served, &reply);   // a TrackShipmentResponse
//
// No errors: every served answer can be written.
#ifndef TRACKENRICH_SERVICES_SERVER_TRACK_REPLY_H_
#define TRACKENRICH_SERVICES_SERVER_TRACK_REPLY_H_

#include <string>

#include "grpcpp/support/byte_buffer.h"

#include "services/lookup/shipment_lookup.h"

namespace trackenrich::server {

// Replaces `*out` with the serialized TrackShipmentResponse carrying
// `shipment` with its provenance marked.
void WriteTrackShipmentResponse(const ServedShipment& shipment, grpc::ByteBuffer* out);

// The same bytes as a string (for tests).
std::string TrackShipmentResponseBytes(const ServedShipment& shipment);

}  // namespace trackenrich::server

#endif  // TRACKENRICH_SERVICES_SERVER_TRACK_REPLY_H_
