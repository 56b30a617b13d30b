#include "store/text_analysis_sql.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace sobremesa::sqlite {
namespace {

// Scores are stored in thousandths, as integers (the statement wrapper
// binds integers and text only).
std::int64_t Milli(double score) { return std::llround(score * 1000.0); }
double FromMilli(std::int64_t milli) { return static_cast<double>(milli) / 1000.0; }

// Connection::Prepare caches statements by the address of their text, so
// each variant of a query is a string that lives as long as the program.
const char* DeleteAnalysisSql(TextSource source) {
  return source == TextSource::kFeedback ? "DELETE FROM text_analyses WHERE feedback_id = ?1"
                                         : "DELETE FROM text_analyses WHERE mention_id = ?1";
}

const char* ReadAnalysisSql(TextSource source) {
  static const std::string kSelect =
      "SELECT id, language, status, verdict, score_milli, sentences, complaints"
      " FROM text_analyses WHERE restaurant_id = ?1 AND ";
  static const std::string kFeedback = kSelect + "feedback_id = ?2";
  static const std::string kMention = kSelect + "mention_id = ?2";
  return (source == TextSource::kFeedback ? kFeedback : kMention).c_str();
}

// Lima (UTC-5, no daylight saving): the day, or the Monday of the week.
const char* TrendSql(TrendGranularity g) {
  static const auto query = [](const char* period) {
    return std::string("SELECT ") + period +
           " AS period, a.aspect, COUNT(*), SUM(a.sentiment = 'positive'),"
           " SUM(a.sentiment = 'negative'), SUM(a.sentiment = 'mixed'), SUM(a.score_milli)"
           " FROM text_aspects a WHERE a.restaurant_id = ?1 AND a.at >= ?2 AND a.at < ?3"
           " AND (?4 = '' OR a.aspect = ?4) GROUP BY period, a.aspect ORDER BY period";
  };
  static const std::string kDaily = query("date(a.at, 'unixepoch', '-5 hours')");
  static const std::string kWeekly =
      query("date(a.at, 'unixepoch', '-5 hours', 'weekday 0', '-6 days')");
  return (g == TrendGranularity::kDay ? kDaily : kWeekly).c_str();
}

nlohmann::json SentencesJson(const TextAnalysis& analysis) {
  nlohmann::json sentences = nlohmann::json::array();
  for (const SentenceSentiment& s : analysis.sentences) {
    nlohmann::json aspects = nlohmann::json::object();
    for (const AspectSentiment& a : s.aspects) {
      aspects[std::string(AspectCode(a.aspect))] = std::string(SentimentCode(a.sentiment));
    }
    sentences.push_back({{"text", s.text},
                         {"sentiment", std::string(SentimentCode(s.sentiment))},
                         {"aspects", std::move(aspects)},
                         {"dishes", s.dishes}});
  }
  return sentences;
}

void ReadSentences(std::string_view json, TextAnalysis& analysis) {
  const nlohmann::json sentences = nlohmann::json::parse(json, nullptr, false);
  if (!sentences.is_array()) return;
  for (const nlohmann::json& j : sentences) {
    SentenceSentiment s;
    s.text = j.value("text", "");
    s.sentiment = ParseSentiment(j.value("sentiment", "neutral")).value_or(Sentiment::kNeutral);
    const nlohmann::json aspects = j.value("aspects", nlohmann::json::object());
    for (const auto& [code, sentiment] : aspects.items()) {
      if (!sentiment.is_string()) continue;
      const auto aspect = ParseAspect(code);
      const auto said = ParseSentiment(sentiment.get<std::string>());
      if (aspect && said) s.aspects.push_back({*aspect, *said, 0, 1});
    }
    const nlohmann::json dishes = j.value("dishes", nlohmann::json::array());
    for (const nlohmann::json& d : dishes) {
      if (d.is_number_integer()) s.dishes.push_back(d.get<Id>());
    }
    analysis.sentences.push_back(std::move(s));
  }
}

std::vector<std::string> StringsFromJson(std::string_view json) {
  std::vector<std::string> out;
  const nlohmann::json array = nlohmann::json::parse(json, nullptr, false);
  if (!array.is_array()) return out;
  for (const nlohmann::json& s : array) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

Status WriteAspects(Connection& db, Id analysis_id, const AnalysedRecord& r,
                    const TextAnalysis& analysis) {
  for (const AspectSentiment& a : analysis.aspects) {
    ASSIGN_OR_RETURN(Statement insert,
                     db.Prepare("INSERT INTO text_aspects (analysis_id, restaurant_id, aspect,"
                                " sentiment, score_milli, sentences, at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.BindInt(1, analysis_id);
    insert.BindInt(2, r.restaurant_id);
    insert.BindText(3, AspectCode(a.aspect));
    insert.BindText(4, SentimentCode(a.sentiment));
    insert.BindInt(5, Milli(a.score));
    insert.BindInt(6, a.sentences);
    insert.BindInt(7, r.at);
    RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

Status WriteDishes(Connection& db, Id analysis_id, const AnalysedRecord& r,
                   const TextAnalysis& analysis) {
  for (const DishSentiment& d : analysis.dishes) {
    ASSIGN_OR_RETURN(Statement insert,
                     db.Prepare("INSERT INTO text_dishes (analysis_id, restaurant_id, item_id,"
                                " sentiment, score_milli, quote, at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    insert.BindInt(1, analysis_id);
    insert.BindInt(2, r.restaurant_id);
    insert.BindInt(3, d.item_id);
    insert.BindText(4, SentimentCode(d.sentiment));
    insert.BindInt(5, Milli(d.score));
    insert.BindText(6, d.quote);
    insert.BindInt(7, r.at);
    RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

}  // namespace

Status WriteTextAnalysis(Connection& db, const AnalysedRecord& r, const TextAnalysis& analysis) {
  ASSIGN_OR_RETURN(Statement old, db.Prepare(DeleteAnalysisSql(r.source)));
  old.BindInt(1, r.id);
  RETURN_IF_ERROR(old.Run());
  ASSIGN_OR_RETURN(
      Statement insert,
      db.Prepare("INSERT INTO text_analyses (restaurant_id, feedback_id, mention_id, guest_id, at,"
                 " language, status, verdict, score_milli, sentences, complaints, analysed_at)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                 " CAST(strftime('%s', 'now') AS INTEGER)) RETURNING id"));
  const bool analysed = analysis.status == AnalysisStatus::kAnalysed;
  const std::string sentences = SentencesJson(analysis).dump();
  const std::string complaints = nlohmann::json(analysis.complaints).dump();
  insert.BindInt(1, r.restaurant_id);
  insert.BindOptionalInt(
      2, r.source == TextSource::kFeedback ? std::optional<Id>(r.id) : std::nullopt);
  insert.BindOptionalInt(3,
                         r.source == TextSource::kMention ? std::optional<Id>(r.id) : std::nullopt);
  insert.BindOptionalInt(4, r.guest_id);
  insert.BindInt(5, r.at);
  insert.BindText(6, analysis.language);
  insert.BindText(7, AnalysisStatusCode(analysis.status));
  if (analysed) {
    insert.BindText(8, SentimentCode(analysis.verdict));
    insert.BindInt(9, Milli(analysis.score));
  } else {
    insert.BindNull(8);
    insert.BindNull(9);
  }
  insert.BindText(10, sentences);
  insert.BindText(11, complaints);
  ASSIGN_OR_RETURN(bool row, insert.Step());
  if (!row) return Status::Internal("text analysis insert returned no id");
  const Id analysis_id = insert.ColumnInt(0);
  RETURN_IF_ERROR(WriteAspects(db, analysis_id, r, analysis));
  return WriteDishes(db, analysis_id, r, analysis);
}

StatusOr<TextAnalysis> ReadTextAnalysis(Connection& db, Id restaurant_id, TextSource source,
                                        Id id) {
  ASSIGN_OR_RETURN(Statement query, db.Prepare(ReadAnalysisSql(source)));
  query.BindInt(1, restaurant_id);
  query.BindInt(2, id);
  ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row) {
    return Status::NotFound(
        std::string(source == TextSource::kFeedback ? "feedback " : "mention ") +
        std::to_string(id) + " has no analysis in restaurant " + std::to_string(restaurant_id));
  }
  TextAnalysis a;
  const Id analysis_id = query.ColumnInt(0);
  a.language = std::string(query.ColumnText(1));
  a.status = ParseAnalysisStatus(query.ColumnText(2)).value_or(AnalysisStatus::kNoModel);
  a.verdict = ParseSentiment(query.ColumnText(3)).value_or(Sentiment::kNeutral);
  a.score = FromMilli(query.ColumnOptionalInt(4).value_or(0));
  ReadSentences(query.ColumnText(5), a);
  a.complaints = StringsFromJson(query.ColumnText(6));
  ASSIGN_OR_RETURN(Statement aspects,
                   db.Prepare("SELECT aspect, sentiment, score_milli, sentences FROM text_aspects"
                              " WHERE analysis_id = ?1"));
  aspects.BindInt(1, analysis_id);
  while (true) {
    ASSIGN_OR_RETURN(bool more, aspects.Step());
    if (!more) break;
    a.aspects.push_back({ParseAspect(aspects.ColumnText(0)).value_or(Aspect::kFood),
                         ParseSentiment(aspects.ColumnText(1)).value_or(Sentiment::kNeutral),
                         FromMilli(aspects.ColumnInt(2)), static_cast<int>(aspects.ColumnInt(3))});
  }
  std::sort(a.aspects.begin(), a.aspects.end(),
            [](const AspectSentiment& x, const AspectSentiment& y) { return x.aspect < y.aspect; });
  ASSIGN_OR_RETURN(Statement dishes,
                   db.Prepare("SELECT d.item_id, m.name_es, d.sentiment, d.score_milli, d.quote"
                              " FROM text_dishes d JOIN menu_items m"
                              " ON m.restaurant_id = d.restaurant_id AND m.id = d.item_id"
                              " WHERE d.analysis_id = ?1 ORDER BY d.rowid"));
  dishes.BindInt(1, analysis_id);
  while (true) {
    ASSIGN_OR_RETURN(bool more, dishes.Step());
    if (!more) break;
    a.dishes.push_back({dishes.ColumnInt(0), std::string(dishes.ColumnText(1)),
                        ParseSentiment(dishes.ColumnText(2)).value_or(Sentiment::kNeutral),
                        FromMilli(dishes.ColumnInt(3)), std::string(dishes.ColumnText(4))});
  }
  return a;
}

StatusOr<std::vector<StoredText>> ReadTexts(Connection& db, Id restaurant_id, TextSource source,
                                            Id after_id, int limit) {
  const char* sql = source == TextSource::kFeedback
                        ? "SELECT id, guest_id, created_at, text FROM feedback"
                          " WHERE restaurant_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3"
                        : "SELECT id, NULL, posted_at, text FROM social_mentions"
                          " WHERE restaurant_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3";
  ASSIGN_OR_RETURN(Statement query, db.Prepare(sql));
  query.BindInt(1, restaurant_id);
  query.BindInt(2, after_id);
  query.BindInt(3, limit);
  std::vector<StoredText> texts;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return texts;
    texts.push_back({{restaurant_id, source, query.ColumnInt(0), query.ColumnOptionalInt(1),
                      query.ColumnInt(2)},
                     std::string(query.ColumnText(3))});
  }
}

StatusOr<std::vector<AspectTrendPoint>> ReadAspectTrend(Connection& db, Id restaurant_id,
                                                        UnixSeconds from, UnixSeconds to,
                                                        std::optional<Aspect> aspect,
                                                        TrendGranularity granularity) {
  ASSIGN_OR_RETURN(Statement query, db.Prepare(TrendSql(granularity)));
  query.BindInt(1, restaurant_id);
  query.BindInt(2, from);
  query.BindInt(3, to);
  query.BindText(4, aspect ? AspectCode(*aspect) : std::string_view());
  std::vector<AspectTrendPoint> points;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    AspectTrendPoint p;
    p.period = std::string(query.ColumnText(0));
    p.aspect = ParseAspect(query.ColumnText(1)).value_or(Aspect::kFood);
    p.texts = static_cast<int>(query.ColumnInt(2));
    p.positive = static_cast<int>(query.ColumnInt(3));
    p.negative = static_cast<int>(query.ColumnInt(4));
    p.mixed = static_cast<int>(query.ColumnInt(5));
    p.score = p.texts == 0 ? 0.0 : FromMilli(query.ColumnInt(6)) / p.texts;
    points.push_back(std::move(p));
  }
  // Aspects in the managers' order within a period, not alphabetical.
  std::stable_sort(points.begin(), points.end(), [](const auto& x, const auto& y) {
    return x.period != y.period ? x.period < y.period : x.aspect < y.aspect;
  });
  return points;
}

StatusOr<std::vector<DishSentimentSummary>> ReadDishesMostCriticised(Connection& db,
                                                                     Id restaurant_id,
                                                                     UnixSeconds from,
                                                                     UnixSeconds to, int limit) {
  static constexpr const char* kSql =
      "SELECT d.item_id, m.name_es, COUNT(*) AS n,"
      " SUM(d.sentiment IN ('negative', 'mixed')) AS bad, SUM(d.score_milli),"
      " (SELECT q.quote FROM text_dishes q WHERE q.restaurant_id = d.restaurant_id"
      "   AND q.item_id = d.item_id AND q.at >= ?2 AND q.at < ?3"
      "   AND q.sentiment IN ('negative', 'mixed') ORDER BY q.at DESC LIMIT 1)"
      " FROM text_dishes d JOIN menu_items m ON m.restaurant_id = d.restaurant_id"
      " AND m.id = d.item_id"
      " WHERE d.restaurant_id = ?1 AND d.at >= ?2 AND d.at < ?3"
      " GROUP BY d.item_id HAVING bad > 0"
      " ORDER BY bad DESC, SUM(d.score_milli) * 1.0 / n, d.item_id LIMIT ?4";
  ASSIGN_OR_RETURN(Statement query, db.Prepare(kSql));
  query.BindInt(1, restaurant_id);
  query.BindInt(2, from);
  query.BindInt(3, to);
  query.BindInt(4, limit);
  std::vector<DishSentimentSummary> dishes;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return dishes;
    DishSentimentSummary d;
    d.item_id = query.ColumnInt(0);
    d.name = std::string(query.ColumnText(1));
    d.mentions = static_cast<int>(query.ColumnInt(2));
    d.negative = static_cast<int>(query.ColumnInt(3));
    d.score = FromMilli(query.ColumnInt(4)) / std::max(1, d.mentions);
    d.example_quote = std::string(query.ColumnText(5));
    dishes.push_back(std::move(d));
  }
}

StatusOr<std::vector<GuestWarning>> ReadGuestWarnings(Connection& db, Id restaurant_id,
                                                      UnixSeconds from, UnixSeconds to, int limit,
                                                      std::optional<Id> guest_id) {
  // The latest analysed feedback of each guest (ties: the higher id).
  static constexpr const char* kSql =
      "SELECT a.guest_id, g.name, a.feedback_id, a.at, a.verdict, a.score_milli, a.complaints"
      " FROM text_analyses a JOIN guests g ON g.restaurant_id = a.restaurant_id"
      " AND g.id = a.guest_id"
      " WHERE a.restaurant_id = ?1 AND a.status = 'analysed' AND a.feedback_id IS NOT NULL"
      " AND (?5 IS NULL OR a.guest_id = ?5)"
      " AND a.id = (SELECT b.id FROM text_analyses b WHERE b.restaurant_id = a.restaurant_id"
      "   AND b.guest_id = a.guest_id AND b.status = 'analysed' AND b.feedback_id IS NOT NULL"
      "   ORDER BY b.at DESC, b.id DESC LIMIT 1)"
      " AND a.verdict IN ('negative', 'mixed') AND a.at >= ?2 AND a.at < ?3"
      " ORDER BY a.at DESC, a.id DESC LIMIT ?4";
  ASSIGN_OR_RETURN(Statement query, db.Prepare(kSql));
  query.BindInt(1, restaurant_id);
  query.BindInt(2, from);
  query.BindInt(3, to);
  query.BindInt(4, limit);
  query.BindOptionalInt(5, guest_id);
  std::vector<GuestWarning> warnings;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return warnings;
    GuestWarning w;
    w.guest_id = query.ColumnInt(0);
    w.guest_name = std::string(query.ColumnText(1));
    w.feedback_id = query.ColumnInt(2);
    w.at = query.ColumnInt(3);
    w.verdict = ParseSentiment(query.ColumnText(4)).value_or(Sentiment::kNegative);
    w.score = FromMilli(query.ColumnOptionalInt(5).value_or(0));
    w.complaints = StringsFromJson(query.ColumnText(6));
    warnings.push_back(std::move(w));
  }
}

}  // namespace sobremesa::sqlite
