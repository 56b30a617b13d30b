#include "service/model_reloader.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace sobremesa {
namespace {

namespace fs = std::filesystem;

// A "model" that is the text of its file; "bad" does not load.
class TextModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("reloader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir_);
    path_ = (dir_ / "model.txt").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // As `sobremesa train` does: a temporary renamed over the old file.
  void Write(const std::string& text) {
    const std::string tmp = path_ + ".tmp";
    std::ofstream(tmp, std::ios::trunc) << text;
    fs::rename(tmp, path_);
  }
  std::function<Status()> Loader() {
    return [this] {
      std::ifstream in(path_);
      std::string text((std::istreambuf_iterator<char>(in)), {});
      if (text == "bad") return Status::InvalidArgument("corrupt");
      std::lock_guard lock(mutex_);
      serving_ = text;
      return Status::Ok();
    };
  }
  void WatchIt(ModelReloader& reloader) { reloader.Watch("text", path_, Loader()); }
  std::string Serving() {
    std::lock_guard lock(mutex_);
    return serving_;
  }

  fs::path dir_;
  std::string path_;
  std::mutex mutex_;
  std::string serving_ = "start";
};

TEST_F(TextModelTest, OnlyAReplacedFileIsLoaded) {
  Write("one");
  ModelReloader reloader;
  WatchIt(reloader);
  EXPECT_TRUE(reloader.ReloadChanged().empty());  // the version present at Watch counts as loaded
  Write("two");
  std::vector<ReloadOutcome> outcomes = reloader.ReloadChanged();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_TRUE(outcomes[0].status.ok());
  EXPECT_EQ(Serving(), "two");
  EXPECT_TRUE(reloader.ReloadChanged().empty());
}

TEST_F(TextModelTest, ACorruptFileIsRefusedOnceAndTheOldModelKeepsServing) {
  ModelReloader reloader;
  WatchIt(reloader);  // no file yet
  Write("one");
  ASSERT_EQ(reloader.ReloadChanged().size(), 1u);
  Write("bad");
  std::vector<ReloadOutcome> outcomes = reloader.ReloadChanged();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Serving(), "one");
  EXPECT_TRUE(reloader.ReloadChanged().empty());  // not retried until it changes
  fs::remove(path_);
  EXPECT_TRUE(reloader.ReloadChanged().empty());  // a deleted file leaves the model serving
  EXPECT_EQ(Serving(), "one");
  Write("three");
  ASSERT_EQ(reloader.ReloadChanged().size(), 1u);
  EXPECT_EQ(Serving(), "three");
}

// A restaurant created while the server runs: its file may be written
// before the check that finds it, and must still be loaded.
TEST_F(TextModelTest, ADiscoveredFileIsLoadedByTheCheckThatFindsItThenWatched) {
  Write("one");
  ModelReloader reloader;
  int checks = 0;
  reloader.DiscoverWith([&] {
    std::vector<DiscoveredFile> found;
    if (checks++ == 1) found.push_back({"text", path_, Loader()});
    return found;
  });
  EXPECT_TRUE(reloader.ReloadChanged().empty());  // nothing found yet
  ASSERT_EQ(reloader.ReloadChanged().size(), 1u);
  EXPECT_EQ(Serving(), "one");
  EXPECT_TRUE(reloader.ReloadChanged().empty()) << "loaded once, and watched once";
  Write("two");
  ASSERT_EQ(reloader.ReloadChanged().size(), 1u);
  EXPECT_EQ(Serving(), "two");
  EXPECT_EQ(checks, 4);
}

TEST_F(TextModelTest, TheBackgroundCheckPicksUpANewFile) {
  Write("one");
  ModelReloader reloader;
  WatchIt(reloader);
  reloader.Start(std::chrono::milliseconds(10));
  Write("two");
  for (int i = 0; i < 500 && Serving() != "two"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(Serving(), "two");
  reloader.Stop();
}

}  // namespace
}  // namespace sobremesa
