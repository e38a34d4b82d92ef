#include "cache/redis/redis_client.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include <poll.h>

#include "absl/base/thread_annotations.h"
#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "boost/asio/bind_executor.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/address.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/posix/stream_descriptor.hpp"
#include "boost/asio/post.hpp"
#include "boost/asio/steady_timer.hpp"
#include "boost/asio/strand.hpp"
#include "hiredis/async.h"
#include "hiredis/hiredis.h"
#include "spdlog/spdlog.h"

namespace trackenrich::cache {

namespace asio = boost::asio;

absl::string_view RedisStateName(RedisState state) {
  switch (state) {
    case RedisState::kIdle:
      return "idle";
    case RedisState::kConnecting:
      return "connecting";
    case RedisState::kReady:
      return "ready";
    case RedisState::kDown:
      return "down";
    case RedisState::kStopped:
      return "stopped";
  }
  return "unknown";
}

namespace {

// Rounds of read/write handling in one go before yielding to other handlers.
constexpr int kMaxPumpRounds = 64;

RedisReply ConvertReply(const redisReply& reply) {
  RedisReply out;
  switch (reply.type) {
    case REDIS_REPLY_STRING:
      out.type = RedisReply::Type::kString;
      out.str.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_STATUS:
      out.type = RedisReply::Type::kStatus;
      out.str.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_ERROR:
      out.type = RedisReply::Type::kError;
      out.str.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_INTEGER:
      out.type = RedisReply::Type::kInteger;
      out.integer = reply.integer;
      break;
    case REDIS_REPLY_ARRAY:
      out.type = RedisReply::Type::kArray;
      out.elements.reserve(reply.elements);
      for (size_t i = 0; i < reply.elements; ++i) {
        out.elements.push_back(ConvertReply(*reply.element[i]));
      }
      break;
    default:
      out.type = RedisReply::Type::kNil;
      break;
  }
  return out;
}

}  // namespace

// Everything below runs on `strand_` unless it says otherwise: hiredis's
// async context is not thread-safe, and the io_context has several threads.
class RedisClient::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(asio::io_context& io_context, RedisOptions options, RedisObserver* observer)
      : io_context_(io_context),
        observer_(observer),
        strand_(asio::make_strand(io_context)),
        options_(std::move(options)),
        resolver_(strand_),
        reconnect_timer_(strand_) {}

  ~Impl() {
    // Stop() has run (RedisClient's destructor sees to it); this is a last
    // guard, without the cleanup hook, which needs a live shared_ptr.
    if (conn_ != nullptr && conn_->context != nullptr) {
      conn_->context->ev.cleanup = nullptr;
      redisAsyncFree(conn_->context);
      conn_->socket.release();
    }
  }

  // Any thread.
  void Start() {
    asio::post(strand_, [self = shared_from_this()] {
      if (self->state_ == RedisState::kIdle) self->Connect();
    });
  }

  // Any thread. Idempotent.
  void Teardown() {
    if (stopped_.exchange(true)) return;
    SetState(RedisState::kStopped);
    reconnect_timer_.cancel();
    resolver_.cancel();
    if (conn_ != nullptr && conn_->context != nullptr) {
      conn_->error = "stopped";
      redisAsyncFree(conn_->context);
    }
    conn_.reset();
  }

  // Any thread.
  void SubmitOne(std::vector<std::string> args, RedisCallback done) {
    asio::post(strand_, [self = shared_from_this(), args = std::move(args),
                         done = std::move(done)]() mutable {
      if (!self->Connected(1, done)) return;
      self->Send(self->conn_, std::move(args), std::move(done), /*internal=*/false);
    });
  }

  // Any thread.
  void SubmitMany(std::vector<std::vector<std::string>> commands, RedisPipelineCallback done) {
    asio::post(strand_, [self = shared_from_this(), commands = std::move(commands),
                         done = std::move(done)]() mutable {
      if (!self->Connected(commands.size(), done)) return;
      self->SendMany(std::move(commands), std::move(done));
    });
  }

  RedisState state() const { return state_.load(); }
  const RedisOptions& options() const { return options_; }

  Stats stats() const {
    Stats stats;
    stats.commands = commands_.load();
    stats.timeouts = timeouts_.load();
    stats.connection_errors = connection_errors_.load();
    stats.unavailable = unavailable_.load();
    stats.error_replies = error_replies_.load();
    stats.connects = connects_.load();
    return stats;
  }

  std::string last_error() const {
    absl::MutexLock lock(&error_mu_);
    return last_error_public_;
  }

  asio::strand<asio::io_context::executor_type>& strand() { return strand_; }

 private:
  // One hiredis context and its attachment to the io_context.
  struct Connection : std::enable_shared_from_this<Connection> {
    Connection(Impl* owner, redisAsyncContext* context,
               asio::strand<asio::io_context::executor_type>& strand)
        : owner(owner), context(context), socket(strand) {}

    Impl* const owner;
    // Null once hiredis has freed it.
    redisAsyncContext* context;
    asio::posix::stream_descriptor socket;
    bool want_read = false;
    bool want_write = false;
    bool read_armed = false;
    bool write_armed = false;
    bool pump_scheduled = false;
    // Whether the handshake went through, for the log when it closes.
    bool was_ready = false;
    std::string error;
  };

  struct Pending {
    explicit Pending(asio::strand<asio::io_context::executor_type>& strand) : timer(strand) {}

    std::string name;
    RedisCallback done;
    // Internal (handshake) callbacks run on the strand; the callers' on the
    // io_context.
    bool internal = false;
    bool finished = false;
    asio::steady_timer timer;
  };

  void SetState(RedisState state) {
    state_ = state;
    if (observer_ != nullptr) observer_->OnRedisConnected(state == RedisState::kReady);
  }

  void RecordError(std::string error) {
    absl::MutexLock lock(&error_mu_);
    last_error_public_ = std::move(error);
  }

  std::string Where() const { return absl::StrCat(options_.host, ":", options_.port); }

  void Connect() {
    if (stopped_) return;
    SetState(RedisState::kConnecting);
    boost::system::error_code error;
    const asio::ip::address address = asio::ip::make_address(options_.host, error);
    if (!error) {
      ConnectTo(address.to_string());
      return;
    }
    // A host name: resolve without blocking the loop.
    resolver_.async_resolve(
        options_.host, std::to_string(options_.port),
        asio::bind_executor(strand_, [self = shared_from_this()](
                                         const boost::system::error_code& error,
                                         asio::ip::tcp::resolver::results_type results) {
          if (self->stopped_) return;
          if (error || results.empty()) {
            self->ConnectFailed(absl::StrCat("resolve: ", error ? error.message() : "no address"));
            return;
          }
          // IPv4 first: "localhost" may list ::1 where Redis listens on 127.0.0.1 only.
          asio::ip::address chosen = results.begin()->endpoint().address();
          for (const auto& result : results) {
            if (result.endpoint().address().is_v4()) {
              chosen = result.endpoint().address();
              break;
            }
          }
          self->ConnectTo(chosen.to_string());
        }));
  }

  void ConnectTo(const std::string& ip) {
    redisAsyncContext* context = redisAsyncConnect(ip.c_str(), options_.port);
    if (context == nullptr) {
      ConnectFailed("connect: out of memory");
      return;
    }
    if (context->err != 0) {
      std::string why = absl::StrCat("connect: ", context->errstr);
      redisAsyncFree(context);
      ConnectFailed(std::move(why));
      return;
    }
    auto conn = std::make_shared<Connection>(this, context, strand_);
    boost::system::error_code error;
    conn->socket.assign(context->c.fd, error);
    if (error) {
      conn->context = nullptr;
      redisAsyncFree(context);
      ConnectFailed(absl::StrCat("connect: ", error.message()));
      return;
    }
    context->data = conn.get();
    context->ev.data = conn.get();
    context->ev.addRead = &Impl::OnAddRead;
    context->ev.delRead = &Impl::OnDelRead;
    context->ev.addWrite = &Impl::OnAddWrite;
    context->ev.delWrite = &Impl::OnDelWrite;
    context->ev.cleanup = &Impl::OnCleanup;
    conn_ = conn;
    // Setting the connect callback asks for the first write event, which is
    // how hiredis learns that a non-blocking connect finished.
    redisAsyncSetConnectCallback(context, &Impl::OnConnected);
    redisAsyncSetDisconnectCallback(context, &Impl::OnDisconnected);

    // The handshake: AUTH and SELECT as configured, then PING. Replies come in
    // order, so the PING's answer says the whole handshake went through.
    auto step = [self = shared_from_this(), weak = std::weak_ptr<Connection>(conn)](
                    absl::string_view what, bool last) {
      return [self, weak, what = std::string(what), last](absl::StatusOr<RedisReply> reply) {
        std::shared_ptr<Connection> conn = weak.lock();
        if (conn == nullptr || conn != self->conn_ || self->stopped_) return;
        if (!reply.ok() || reply->is_error()) {
          self->Drop(
              conn,
              absl::StrCat(what, " failed: ", reply.ok() ? reply->str : reply.status().message()));
          return;
        }
        if (last) self->OnReady();
      };
    };
    if (!options_.password.empty()) {
      std::vector<std::string> auth{"AUTH"};
      if (!options_.username.empty()) auth.push_back(options_.username);
      auth.push_back(options_.password);
      Send(conn, std::move(auth), step("AUTH", false), /*internal=*/true);
    }
    if (options_.database != 0) {
      Send(conn, {"SELECT", std::to_string(options_.database)}, step("SELECT", false),
           /*internal=*/true);
    }
    // Its timeout (connect_timeout while connecting) bounds the whole handshake.
    Send(conn, {"PING"}, step("PING", true), /*internal=*/true);
  }

  void OnReady() {
    if (conn_ != nullptr) conn_->was_ready = true;
    const bool was_down = ever_connected_;
    ever_connected_ = true;
    backoff_ = absl::ZeroDuration();
    failures_logged_ = 0;
    ++connects_;
    if (observer_ != nullptr) observer_->OnRedisConnect();
    SetState(RedisState::kReady);
    spdlog::info("redis: {} at {} (database {})", was_down ? "reconnected" : "connected", Where(),
                 options_.database);
  }

  void ConnectFailed(std::string why) {
    ++connection_errors_;
    if (observer_ != nullptr) observer_->OnRedisFailure(RedisFailure::kConnection, 1);
    RecordError(why);
    LogFailure(why);
    SetState(RedisState::kDown);
    ScheduleReconnect();
  }

  // Warns once per outage; the retries that follow log at debug level.
  void LogFailure(const std::string& why) {
    if (failures_logged_++ == 0) {
      spdlog::warn("redis: {} unreachable ({}); serving without it and reconnecting", Where(), why);
    } else {
      spdlog::debug("redis: {} still unreachable ({})", Where(), why);
    }
  }

  void ScheduleReconnect() {
    if (stopped_) return;
    backoff_ = backoff_ == absl::ZeroDuration()
                   ? options_.min_reconnect_backoff
                   : std::min(backoff_ * 2, options_.max_reconnect_backoff);
    const absl::Duration delay = backoff_ * absl::Uniform(bitgen_, 0.8, 1.2);
    reconnect_timer_.expires_after(absl::ToChronoNanoseconds(delay));
    reconnect_timer_.async_wait(asio::bind_executor(
        strand_, [self = shared_from_this()](const boost::system::error_code& error) {
          if (!error && !self->stopped_) self->Connect();
        }));
  }

  // Frees the context: hiredis fails its pending commands (null replies) and
  // calls OnCleanup, which schedules the reconnect. Never called from inside a
  // hiredis callback.
  void Drop(const std::shared_ptr<Connection>& conn, std::string why) {
    if (conn->context == nullptr) return;
    conn->error = std::move(why);
    redisAsyncFree(conn->context);
  }

  void ConnectionClosed(const std::shared_ptr<Connection>& conn) {
    if (conn != conn_) return;
    conn_.reset();
    if (stopped_) return;
    std::string why = conn->error.empty() ? "connection closed" : conn->error;
    ++connection_errors_;
    if (observer_ != nullptr) observer_->OnRedisFailure(RedisFailure::kConnection, 1);
    RecordError(why);
    if (conn->was_ready) {
      spdlog::warn("redis: lost {} ({}); serving without it and reconnecting", Where(), why);
      failures_logged_ = 1;
    } else {
      LogFailure(why);
    }
    SetState(RedisState::kDown);
    ScheduleReconnect();
  }

  // True when commands can go out now; otherwise answers `done` with
  // UNAVAILABLE (on the io_context) and counts the refusal.
  template <typename Callback>
  bool Connected(size_t commands, Callback& done) {
    if (state_ == RedisState::kReady && conn_ != nullptr && conn_->context != nullptr) {
      return true;
    }
    unavailable_ += static_cast<int64_t>(commands);
    if (observer_ != nullptr) {
      observer_->OnRedisFailure(RedisFailure::kUnavailable, static_cast<int64_t>(commands));
    }
    asio::post(io_context_,
               [done = std::move(done), why = absl::StrCat("redis: not connected (",
                                                           RedisStateName(state_), ")")]() mutable {
                 done(absl::UnavailableError(why));
               });
    return false;
  }

  void SendMany(std::vector<std::vector<std::string>> commands, RedisPipelineCallback done) {
    // Collects the replies in order; the first failure answers for all.
    struct Collector {
      std::vector<RedisReply> replies;
      size_t remaining = 0;
      absl::Status failure;
      RedisPipelineCallback done;
    };
    auto collector = std::make_shared<Collector>();
    collector->replies.resize(commands.size());
    collector->remaining = commands.size();
    collector->done = std::move(done);
    for (size_t i = 0; i < commands.size(); ++i) {
      Send(conn_, std::move(commands[i]),
           [self = shared_from_this(), collector, i](absl::StatusOr<RedisReply> reply) {
             // Internal: runs on the strand, so the collector needs no lock.
             if (reply.ok()) {
               collector->replies[i] = *std::move(reply);
             } else if (collector->failure.ok()) {
               collector->failure = reply.status();
             }
             if (--collector->remaining > 0) return;
             absl::StatusOr<std::vector<RedisReply>> result = std::move(collector->replies);
             if (!collector->failure.ok()) result = collector->failure;
             asio::post(self->io_context_,
                        [done = std::move(collector->done), result = std::move(result)]() mutable {
                          done(std::move(result));
                        });
           });
    }
  }

  // Queues one command on `conn`, bounded by its timeout. `done` runs on the
  // strand when `internal`, on the io_context otherwise.
  void Send(const std::shared_ptr<Connection>& conn, std::vector<std::string> args,
            RedisCallback done, bool internal = true) {
    auto pending = std::make_shared<Pending>(strand_);
    pending->name = args.empty() ? "" : args[0];
    pending->done = std::move(done);
    pending->internal = internal;
    std::vector<const char*> argv;
    std::vector<size_t> lengths;
    argv.reserve(args.size());
    lengths.reserve(args.size());
    for (const std::string& arg : args) {
      argv.push_back(arg.data());
      lengths.push_back(arg.size());
    }
    auto* holder = new std::shared_ptr<Pending>(pending);
    ++commands_;
    if (observer_ != nullptr) observer_->OnRedisCommand();
    if (redisAsyncCommandArgv(conn->context, &Impl::OnReply, holder, static_cast<int>(argv.size()),
                              argv.data(), lengths.data()) != REDIS_OK) {
      delete holder;
      Finish(*pending, absl::UnavailableError("redis: the connection is closing"));
      return;
    }
    const absl::Duration timeout =
        state_ == RedisState::kReady ? options_.command_timeout : options_.connect_timeout;
    pending->timer.expires_after(absl::ToChronoNanoseconds(timeout));
    pending->timer.async_wait(asio::bind_executor(
        strand_, [self = shared_from_this(), pending, weak = std::weak_ptr<Connection>(conn),
                  timeout](const boost::system::error_code& error) {
          if (error || pending->finished) return;
          ++self->timeouts_;
          if (self->observer_ != nullptr) {
            self->observer_->OnRedisFailure(RedisFailure::kTimeout, 1);
          }
          // Replies come in order: nothing behind this one can arrive either,
          // so the connection goes; down first, so that whoever gets the
          // timeout already sees the client down.
          std::shared_ptr<Connection> conn = weak.lock();
          if (conn != nullptr && conn == self->conn_) self->SetState(RedisState::kDown);
          self->Finish(*pending, absl::DeadlineExceededError(
                                     absl::StrCat("redis: ", pending->name, " timed out after ",
                                                  absl::FormatDuration(timeout))));
          if (conn != nullptr) {
            self->Drop(conn, absl::StrCat(pending->name, " timed out after ",
                                          absl::FormatDuration(timeout)));
          }
        }));
  }

  void Finish(Pending& pending, absl::StatusOr<RedisReply> result) {
    if (pending.finished) return;
    pending.finished = true;
    pending.timer.cancel();
    if (result.ok() && result->is_error()) {
      ++error_replies_;
      if (observer_ != nullptr) observer_->OnRedisFailure(RedisFailure::kReply, 1);
    }
    auto run = [done = std::move(pending.done), result = std::move(result)]() mutable {
      done(std::move(result));
    };
    if (pending.internal) {
      asio::post(strand_, std::move(run));
    } else {
      asio::post(io_context_, std::move(run));
    }
  }

  // Handles what the socket is ready for, then waits for more. A wait is
  // armed before polling: Asio's epoll reactor is edge-triggered, so
  // readiness that arrived before the wait was queued would otherwise be
  // missed (hiredis reads at most 16 KiB per call and may leave data behind).
  void Pump(const std::shared_ptr<Connection>& conn) {
    for (int round = 0; conn->context != nullptr; ++round) {
      if (round == kMaxPumpRounds) {
        SchedulePump(conn);
        return;
      }
      Arm(conn);
      const short events =
          static_cast<short>((conn->want_read ? POLLIN : 0) | (conn->want_write ? POLLOUT : 0));
      if (events == 0) return;
      pollfd ready{conn->context->c.fd, events, 0};
      if (::poll(&ready, 1, 0) <= 0) return;
      bool progressed = false;
      if (conn->want_write && (ready.revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
        redisAsyncHandleWrite(conn->context);
        progressed = true;
      }
      if (conn->context != nullptr && conn->want_read &&
          (ready.revents & (POLLIN | POLLERR | POLLHUP)) != 0) {
        redisAsyncHandleRead(conn->context);
        progressed = true;
      }
      if (!progressed) return;
    }
  }

  void SchedulePump(const std::shared_ptr<Connection>& conn) {
    if (conn->pump_scheduled) return;
    conn->pump_scheduled = true;
    asio::post(strand_, [self = shared_from_this(), conn] {
      conn->pump_scheduled = false;
      self->Pump(conn);
    });
  }

  void Arm(const std::shared_ptr<Connection>& conn) {
    if (conn->context == nullptr) return;
    if (conn->want_read && !conn->read_armed) {
      conn->read_armed = true;
      conn->socket.async_wait(
          asio::posix::stream_descriptor::wait_read,
          asio::bind_executor(
              strand_, [self = shared_from_this(), conn](const boost::system::error_code& error) {
                conn->read_armed = false;
                if (!error && conn->context != nullptr) self->Pump(conn);
              }));
    }
    if (conn->want_write && !conn->write_armed) {
      conn->write_armed = true;
      conn->socket.async_wait(
          asio::posix::stream_descriptor::wait_write,
          asio::bind_executor(
              strand_, [self = shared_from_this(), conn](const boost::system::error_code& error) {
                conn->write_armed = false;
                if (!error && conn->context != nullptr) self->Pump(conn);
              }));
    }
  }

  // hiredis hooks. They run inside hiredis calls made on the strand.
  static Connection* ConnectionOf(void* data) { return static_cast<Connection*>(data); }

  static void OnAddRead(void* data) {
    Connection* conn = ConnectionOf(data);
    conn->want_read = true;
    conn->owner->Arm(conn->shared_from_this());
  }
  static void OnDelRead(void* data) { ConnectionOf(data)->want_read = false; }
  static void OnAddWrite(void* data) {
    Connection* conn = ConnectionOf(data);
    conn->want_write = true;
    // Deferred, so that commands issued together leave in one write.
    conn->owner->SchedulePump(conn->shared_from_this());
  }
  static void OnDelWrite(void* data) { ConnectionOf(data)->want_write = false; }

  // hiredis is freeing the context (it closes the socket itself).
  static void OnCleanup(void* data) {
    Connection* conn = ConnectionOf(data);
    conn->context = nullptr;
    conn->want_read = false;
    conn->want_write = false;
    // Cancels our waits without closing the descriptor.
    conn->socket.release();
    asio::post(conn->owner->strand_,
               [self = conn->owner->shared_from_this(), conn = conn->shared_from_this()] {
                 self->ConnectionClosed(conn);
               });
  }

  static void OnConnected(const redisAsyncContext* context, int status) {
    if (status != REDIS_OK) {
      ConnectionOf(context->data)->error = absl::StrCat("connect: ", context->errstr);
    }
  }

  static void OnDisconnected(const redisAsyncContext* context, int status) {
    Connection* conn = ConnectionOf(context->data);
    if (status != REDIS_OK && conn->error.empty()) conn->error = context->errstr;
  }

  static void OnReply(redisAsyncContext* context, void* reply, void* privdata) {
    std::unique_ptr<std::shared_ptr<Pending>> holder(
        static_cast<std::shared_ptr<Pending>*>(privdata));
    Pending& pending = **holder;
    if (pending.finished) return;
    Connection* conn = ConnectionOf(context->data);
    if (reply == nullptr) {
      conn->owner->Finish(
          pending,
          absl::UnavailableError(absl::StrCat(
              "redis: connection lost before the reply to ", pending.name,
              conn->error.empty() ? std::string() : absl::StrCat(" (", conn->error, ")"))));
      return;
    }
    conn->owner->Finish(pending, ConvertReply(*static_cast<redisReply*>(reply)));
  }

  asio::io_context& io_context_;
  // Null: nobody listens.
  RedisObserver* const observer_;
  asio::strand<asio::io_context::executor_type> strand_;
  const RedisOptions options_;
  asio::ip::tcp::resolver resolver_;
  asio::steady_timer reconnect_timer_;
  std::shared_ptr<Connection> conn_;
  std::atomic<RedisState> state_{RedisState::kIdle};
  std::atomic<bool> stopped_{false};
  bool ever_connected_ = false;
  int failures_logged_ = 0;
  absl::Duration backoff_ = absl::ZeroDuration();
  absl::InsecureBitGen bitgen_;
  mutable absl::Mutex error_mu_;
  std::string last_error_public_ ABSL_GUARDED_BY(error_mu_);

  std::atomic<int64_t> commands_{0};
  std::atomic<int64_t> timeouts_{0};
  std::atomic<int64_t> connection_errors_{0};
  std::atomic<int64_t> unavailable_{0};
  std::atomic<int64_t> error_replies_{0};
  std::atomic<int64_t> connects_{0};
};

RedisClient::RedisClient(asio::io_context& io_context, RedisOptions options,
                         RedisObserver* observer)
    : io_context_(io_context),
      impl_(std::make_shared<Impl>(io_context, std::move(options), observer)) {}

RedisClient::~RedisClient() { Stop(); }

void RedisClient::Start() { impl_->Start(); }

void RedisClient::Stop() {
  if (impl_->state() == RedisState::kStopped) return;
  if (io_context_.stopped()) {
    impl_->Teardown();
    return;
  }
  auto done = std::make_shared<absl::Notification>();
  asio::post(impl_->strand(), [impl = impl_, done] {
    impl->Teardown();
    done->Notify();
  });
  // If no thread runs the io_context, nobody else touches the client either.
  if (!done->WaitForNotificationWithTimeout(absl::Seconds(2))) impl_->Teardown();
}

void RedisClient::Command(std::vector<std::string> args, RedisCallback done) {
  impl_->SubmitOne(std::move(args), std::move(done));
}

void RedisClient::Pipeline(std::vector<std::vector<std::string>> commands,
                           RedisPipelineCallback done) {
  if (commands.empty()) {
    asio::post(io_context_,
               [done = std::move(done)]() mutable { done(std::vector<RedisReply>()); });
    return;
  }
  impl_->SubmitMany(std::move(commands), std::move(done));
}

RedisState RedisClient::state() const { return impl_->state(); }
RedisClient::Stats RedisClient::stats() const { return impl_->stats(); }
std::string RedisClient::last_error() const { return impl_->last_error(); }
const RedisOptions& RedisClient::options() const { return impl_->options(); }

}  // namespace trackenrich::cache
