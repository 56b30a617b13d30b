#include "evaluation/behaviour/cdnow_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sobremesa {
namespace {

std::string WriteFile(const std::string& name, const std::string& text) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << text;
  return path;
}

TEST(LoadCdnow, MergesSameDayOrdersIntoOneCustomerDay) {
  std::string path = WriteFile("cdnow_merge.txt",
                               " 00004 0001 19970118  2   29.73\n"
                               " 00004 0001 19970101  2   29.33\n"
                               " 00004 0001 19970118  1   10.00\n"
                               " 00021 0002 19980630  3   63.34\n");
  StatusOr<std::vector<CdnowCustomer>> customers = LoadCdnow(path);
  ASSERT_TRUE(customers.ok()) << customers.status().ToString();
  ASSERT_EQ(customers->size(), 2u);
  const CdnowCustomer& first = (*customers)[0];
  EXPECT_EQ(first.id, "00004");
  ASSERT_EQ(first.days.size(), 2u);
  EXPECT_EQ(first.days[0].day, 0);
  EXPECT_EQ(first.days[1].day, 17);
  EXPECT_NEAR(first.days[1].dollars, 39.73, 1e-9);
  EXPECT_EQ(first.days[1].items, 3);
  EXPECT_EQ((*customers)[1].days[0].day, 545);  // 1998-06-30, the last holdout day
}

TEST(LoadCdnow, ReadsTheMasterFileLayoutWithItsHeader) {
  std::string path = WriteFile("cdnow_master.txt",
                               " customer_id  date number_of_cds  dollar_value\n"
                               " 00001 19970101  1   11.77\n");
  StatusOr<std::vector<CdnowCustomer>> customers = LoadCdnow(path);
  ASSERT_TRUE(customers.ok()) << customers.status().ToString();
  EXPECT_EQ((*customers)[0].days[0].dollars, 11.77);
}

TEST(LoadCdnow, BadRowsNameTheFileAndLine) {
  struct Case {
    std::string row, expected;
  };
  for (const Case& c :
       {Case{" 00001 0001 19970231 1 1.0", "does not exist"},
        Case{" 00001 0001 1997-01-01 1 1.0", "not yyyymmdd"},
        Case{" 00001 0001 19970101 1 -3", ">= 0"}, Case{" 00001 0001 19970101 x 3", "CDs"},
        Case{" 00001 19970101", "columns"}}) {
    std::string path = WriteFile("cdnow_bad.txt", " 00002 0001 19970101 1 1.0\n" + c.row + "\n");
    StatusOr<std::vector<CdnowCustomer>> customers = LoadCdnow(path);
    EXPECT_EQ(customers.status().code(), StatusCode::kInvalidArgument) << c.row;
    EXPECT_NE(customers.status().message().find(path + " line 2"), std::string::npos)
        << customers.status().message();
    EXPECT_NE(customers.status().message().find(c.expected), std::string::npos)
        << customers.status().message();
  }
}

TEST(LoadCdnow, MissingFileIsNotFoundAndNamesIt) {
  StatusOr<std::vector<CdnowCustomer>> customers = LoadCdnow("/nonexistent/cdnow");
  EXPECT_EQ(customers.status().code(), StatusCode::kNotFound);
  EXPECT_NE(customers.status().message().find("/nonexistent/cdnow"), std::string::npos);
}

}  // namespace
}  // namespace sobremesa
