#include "service/sentiment_training.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "analysis/sentiment_model_set.h"
#include "selection/sentiment/semeval2014_dataset.h"
#include "selection/sentiment/semeval_training.h"

namespace sobremesa {
namespace {

namespace fs = std::filesystem;
using sentiment::SemEvalSentence;

// 2016 files open with <Reviews>, 2014 files with <sentences>.
StatusOr<bool> IsSemEval2016(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("<Reviews") != std::string::npos;
}

std::vector<std::string> TrainingFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.ends_with(".xml") && name.find("train") != std::string::npos) {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// One language's SemEval-2016 sentences and SemEval-2014 ones (coarse
// categories: auxiliary training signal, semeval_training.h).
struct LanguageData {
  std::vector<SemEvalSentence> sentences, auxiliary;
  std::vector<std::string> files;
};

StatusOr<std::map<text::Language, LanguageData>> ReadByLanguage(
    const std::vector<std::string>& dirs) {
  std::map<text::Language, LanguageData> data;
  for (const std::string& dir : dirs) {
    const std::vector<std::string> files = TrainingFiles(dir);
    if (files.empty()) {
      return Status::NotFound("no SemEval training file (*train*.xml) in " + dir +
                              " (set --semeval DIR[,DIR])");
    }
    for (const std::string& file : files) {
      ASSIGN_OR_RETURN(const bool is_2016, IsSemEval2016(file));
      ASSIGN_OR_RETURN(std::vector<SemEvalSentence> sentences,
                       is_2016 ? sentiment::ReadSemEval2016(file)
                               : sentiment::ReadSemEval2014(file));
      const text::Language language = sentiment::MajorityLanguage(sentences);
      if (language == text::Language::kUnknown) {
        return Status::InvalidArgument(file + ": cannot identify the language of its sentences");
      }
      LanguageData& d = data[language];
      std::vector<SemEvalSentence>& into = is_2016 ? d.sentences : d.auxiliary;
      into.insert(into.end(), sentences.begin(), sentences.end());
      d.files.push_back(file);
    }
  }
  return data;
}

}  // namespace

StatusOr<SentimentTrainingReport> TrainSentimentModels(const std::vector<std::string>& semeval_dirs,
                                                       const std::string& models_dir,
                                                       const std::string& lexicon_dir) {
  ASSIGN_OR_RETURN(auto data, ReadByLanguage(semeval_dirs));
  std::error_code ec;
  fs::create_directories(models_dir, ec);
  if (ec) return Status::Internal("cannot create " + models_dir + ": " + ec.message());
  SentimentTrainingReport report;
  for (auto& [language, d] : data) {
    // SemEval-2014 alone trains the model with its categories mapped to
    // 2016 ones (semeval2014_dataset.h); beside 2016 data it is auxiliary,
    // without the sentences both share.
    if (d.sentences.empty()) d.sentences = std::move(d.auxiliary);
    d.auxiliary = sentiment::WithoutOverlap(d.auxiliary, d.sentences);
    const std::string path = analysis::SentimentModelPath(models_dir, language);
    sentiment::SemEvalTrainingOptions options;
    options.lexicon_dir = lexicon_dir;
    const auto start = std::chrono::steady_clock::now();
    ASSIGN_OR_RETURN(std::shared_ptr<const sentiment::SentimentModel> model,
                     sentiment::TrainOnSemEval(d.sentences, options, d.auxiliary));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string tmp = path + ".tmp";
    RETURN_IF_ERROR(model->Save(tmp));
    fs::rename(tmp, path, ec);
    if (ec) return Status::Internal("cannot move the model to " + path + ": " + ec.message());
    report.models.push_back({language, d.sentences.size() + d.auxiliary.size(), d.files,
                             seconds, path});
  }
  return report;
}

}  // namespace sobremesa
