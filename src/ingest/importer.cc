#include "ingest/importer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <span>

#include "codec/entity_json.h"
#include "ingest/ref_resolver.h"
#include "ingest/row_source.h"

namespace sobremesa {
namespace {

using Clock = std::chrono::steady_clock;

// The kind-independent state of one import run.
struct ImportRun {
  Store& store;
  const Id restaurant_id;
  const ImportKind kind;
  const std::string& name;
  const ImportOptions& options;
  const std::uint64_t total_bytes;
  RowSource& source;
  ImportReport report;
  std::set<std::string> warned;  // unknown columns or fields already reported

  std::string Where(std::int64_t line) const { return name + ":" + std::to_string(line) + ": "; }

  void Reject(std::int64_t line, const std::string& reason) {
    if (report.errors.size() < static_cast<size_t>(options.max_errors_reported)) {
      report.errors.push_back(Where(line) + reason);
    }
  }

  // The codec and the resolver say "visit_id: reason"; the report says
  // "column 'visit_id': reason" (CSV) or "field 'visit_id': reason" (JSONL).
  void RejectField(std::int64_t line, const std::string& message) {
    const auto colon = message.find(": ");
    if (colon == std::string::npos) return Reject(line, message);
    Reject(line, std::string(source.part_name()) + " '" + message.substr(0, colon) +
                     "': " + message.substr(colon + 2));
  }

  // A column or field the kind does not read: said once, where first seen.
  void WarnUnknown(std::int64_t line, const std::string& field) {
    if (!warned.insert(field).second) return;
    const std::string where = source.text_values() ? name + ": " : Where(line);
    report.warnings.push_back(where + source.part_name() + " '" + field + "' is not read for " +
                              std::string(ImportKindCode(kind)) + "; ignored (docs/import.md)");
  }

  // A failure of the store itself (not of a row) ends the import.
  Status Stop(std::int64_t line, const Status& cause) const {
    return Status(cause.code(), Where(line) + "import stopped after storing " +
                                    std::to_string(report.rows_stored) +
                                    " rows: " + cause.message());
  }

  void ReportProgress() const {
    if (options.progress) options.progress(source.bytes_read(), total_bytes);
  }
};

// Rows the store refuses for their content; anything else is the store failing.
bool IsRowError(const Status& s) {
  return s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kNotFound ||
         s.code() == StatusCode::kAlreadyExists;
}

// Rows without an external_id get "auto-<16 hex digits>" hashed from the kind
// and the row's raw content, so the same row imports to the same record.
// Order lines also hash the line number: two identical lines of one visit
// are two dishes, not one.
std::string AutoKey(ImportKind kind, const SourceRow& row) {
  std::uint64_t hash = Fnv1a(ImportKindCode(kind), row.content_hash);
  if (kind == ImportKind::kOrders) hash = Fnv1a(std::to_string(row.line), Fnv1a(":", hash));
  char key[32];
  std::snprintf(key, sizeof key, "auto-%016llx", static_cast<unsigned long long>(hash));
  return key;
}

// Reads every row of a run as a T and stores the good ones in batches.
template <typename T>
class BatchImporter {
 public:
  using ParseFn = StatusOr<Parsed<T>> (*)(const nlohmann::json&, const JsonReadOptions&);
  using UpsertFn = StatusOr<std::vector<Id>> (Store::*)(std::span<const T>);

  BatchImporter(ImportRun& run, ParseFn parse, UpsertFn upsert)
      : run_(run), parse_(parse), upsert_(upsert), resolver_(run.store, run.restaurant_id) {}

  // Fails only when the store fails; bad rows are recorded in the report.
  Status Run() {
    SourceRow row;
    for (;;) {
      StatusOr<bool> got = run_.source.Next(&row);
      if (got.ok() && !*got) break;
      ++run_.report.rows_read;
      if (!got.ok()) {
        run_.Reject(row.line, got.status().message());
      } else {
        RETURN_IF_ERROR(Add(row));
      }
      if (batch_.size() >= static_cast<size_t>(run_.options.batch_size)) RETURN_IF_ERROR(Flush());
    }
    return Flush();
  }

 private:
  Status Add(const SourceRow& row) {
    // Every CSV row has the header's columns, so its first row read says
    // which the kind does not read; JSON Lines rows each have their own.
    const bool text_values = run_.source.text_values();
    const bool look = !text_values || !columns_checked_;
    StatusOr<Parsed<T>> parsed = parse_(
        row.object, {.text_values = text_values,
                     .unknown_fields = look ? UnknownFields::kList : UnknownFields::kIgnore});
    if (!parsed.ok()) {
      run_.RejectField(row.line, parsed.status().message());
      return Status::Ok();
    }
    columns_checked_ = true;
    for (const std::string& field : parsed->unknown_fields) run_.WarnUnknown(row.line, field);
    T& record = parsed->value;
    if (Status s = ResolveRefs(resolver_, parsed->refs, &record); !s.ok()) {
      if (!s.IsNotFound()) return run_.Stop(row.line, s);
      run_.RejectField(row.line, s.message());
      return Status::Ok();
    }
    // Imports match records by external_id only: an "id" column of another
    // system must never overwrite our records.
    record.id = 0;
    record.restaurant_id = run_.restaurant_id;
    if (record.external_id.empty()) record.external_id = AutoKey(run_.kind, row);
    batch_.push_back(std::move(record));
    lines_.push_back(row.line);
    return Status::Ok();
  }

  // Stores the batch in one transaction; when that fails, retries its rows
  // one by one so that only the bad ones are rejected.
  Status Flush() {
    if (batch_.empty()) return Status::Ok();
    Status result;
    if ((run_.store.*upsert_)(std::span<const T>(batch_)).ok()) {
      run_.report.rows_stored += static_cast<std::int64_t>(batch_.size());
    } else {
      result = StoreOneByOne();
    }
    batch_.clear();
    lines_.clear();
    run_.ReportProgress();
    return result;
  }

  Status StoreOneByOne() {
    for (size_t i = 0; i < batch_.size(); ++i) {
      StatusOr<std::vector<Id>> ids = (run_.store.*upsert_)(std::span<const T>(&batch_[i], 1));
      if (ids.ok()) {
        ++run_.report.rows_stored;
      } else if (IsRowError(ids.status())) {
        // The store names the record by its index in this batch of one
        // ("order line 0: ..."); FILE:LINE says it better.
        run_.Reject(lines_[i], std::string(ids.status().record_reason()));
      } else {
        return run_.Stop(lines_[i], ids.status());
      }
    }
    return Status::Ok();
  }

  ImportRun& run_;
  const ParseFn parse_;
  const UpsertFn upsert_;
  RefResolver resolver_;
  std::vector<T> batch_;
  std::vector<std::int64_t> lines_;  // source line of each batch_ row
  bool columns_checked_ = false;     // a CSV row's unknown columns were looked for
};

template <typename T>
Status RunAs(ImportRun& run, typename BatchImporter<T>::ParseFn parse,
             typename BatchImporter<T>::UpsertFn upsert) {
  return BatchImporter<T>(run, parse, upsert).Run();
}

Status RunKind(ImportRun& run) {
  switch (run.kind) {
    case ImportKind::kMenu:
      return RunAs<MenuItem>(run, MenuItemFromJson, &Store::UpsertMenuItems);
    case ImportKind::kGuests:
      return RunAs<Guest>(run, GuestFromJson, &Store::UpsertGuests);
    case ImportKind::kReservations:
      return RunAs<Reservation>(run, ReservationFromJson, &Store::UpsertReservations);
    case ImportKind::kVisits:
      return RunAs<Visit>(run, VisitFromJson, &Store::UpsertVisits);
    case ImportKind::kOrders:
      return RunAs<OrderLine>(run, OrderLineFromJson, &Store::UpsertOrderLines);
    case ImportKind::kFeedback:
      return RunAs<Feedback>(run, FeedbackFromJson, &Store::UpsertFeedback);
    case ImportKind::kEvents:
      return RunAs<BehaviourEvent>(run, EventFromJson, &Store::AppendEvents);
    case ImportKind::kMentions:
      return RunAs<SocialMention>(run, MentionFromJson, &Store::UpsertMentions);
  }
  return Status::Internal("unhandled import kind");
}

StatusOr<ImportReport> ImportRows(Store& store, Id restaurant_id, ImportKind kind,
                                  ImportFormat format, std::istream& in, const std::string& name,
                                  const ImportOptions& options, std::uint64_t total_bytes) {
  const Clock::time_point start = Clock::now();
  if (options.batch_size < 1) return Status::InvalidArgument("batch_size must be at least 1");
  RETURN_IF_ERROR(store.GetRestaurant(restaurant_id).status());
  std::unique_ptr<RowSource> source;
  if (format == ImportFormat::kCsv) {
    ASSIGN_OR_RETURN(source, OpenCsvRows(in, name, kind));
  } else {
    source = OpenJsonLines(in);
  }
  ImportRun run{store, restaurant_id, kind, name, options, total_bytes, *source, {}, {}};
  RETURN_IF_ERROR(RunKind(run));
  if (in.bad()) {
    return Status::Internal(name + ": read error after " + std::to_string(source->bytes_read()) +
                            " bytes");
  }
  run.report.rows_rejected = run.report.rows_read - run.report.rows_stored;
  run.report.elapsed = Clock::now() - start;
  run.ReportProgress();
  return std::move(run.report);
}

}  // namespace

StatusOr<ImportFormat> ImportFormatFromPath(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".csv") return ImportFormat::kCsv;
  if (ext == ".jsonl" || ext == ".ndjson") return ImportFormat::kJsonLines;
  return Status::InvalidArgument(path + ": unknown file type '" + ext +
                                 "' (valid: .csv, .jsonl, .ndjson)");
}

StatusOr<ImportReport> ImportFile(Store& store, Id restaurant_id, ImportKind kind,
                                  const std::string& path, const ImportOptions& options) {
  ASSIGN_OR_RETURN(ImportFormat format, ImportFormatFromPath(path));
  std::error_code error;
  const std::uint64_t size = std::filesystem::file_size(path, error);
  if (error) {
    return error == std::errc::no_such_file_or_directory
               ? Status::NotFound(path + ": no such file")
               : Status::Internal(path + ": " + error.message());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Internal(path + ": cannot open for reading");
  return ImportRows(store, restaurant_id, kind, format, in, path, options, size);
}

StatusOr<ImportReport> ImportStream(Store& store, Id restaurant_id, ImportKind kind,
                                    ImportFormat format, std::istream& in, const std::string& name,
                                    const ImportOptions& options) {
  return ImportRows(store, restaurant_id, kind, format, in, name, options, 0);
}

}  // namespace sobremesa
