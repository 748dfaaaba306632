using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;
using static Totara.Emulator.Tests.Learning.LearningFixtures;

namespace Totara.Emulator.Tests.Learning;

public class CourseListQueryTests
{
    private static readonly string[] Names = { "Delta", "alpha", "Charlie", "Bravo", "Echo", "Foxtrot", "Golf", "Hotel" };

    [Fact]
    public void Pages_through_every_course_once_with_the_first_limit_kept_by_the_cursor()
    {
        var state = SiteWithCourses(Names);
        var seen = new List<long>();
        var first = CourseListQuery.Run(state.Courses, Input(("pagination", Input(("limit", 3)))));
        seen.AddRange(first.Items.Select(c => c.Id));
        var cursor = first.NextCursor;
        var pages = 1;
        while (cursor != "")
        {
            // A different limit beside a cursor is ignored: the cursor carries its own.
            var page = CourseListQuery.Run(state.Courses, Input(("pagination", Input(("cursor", cursor), ("limit", 50)))));
            Assert.True(page.Items.Count <= 3);
            Assert.Equal(8, page.Total);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(8, first.Total);
        Assert.Equal(state.Courses.SnapshotCourses().Select(c => c.Id), seen);
    }

    [Fact]
    public void Default_page_is_twenty_and_the_last_page_has_an_empty_cursor()
    {
        var state = SiteWithCourses(Enumerable.Range(1, 25).Select(i => $"Course {i:00}").ToArray());
        var first = CourseListQuery.Run(state.Courses, null);
        Assert.Equal(20, first.Items.Count);
        Assert.NotEqual("", first.NextCursor);
        var second = CourseListQuery.Run(state.Courses, Input(("pagination", Input(("cursor", first.NextCursor)))));
        Assert.Equal(5, second.Items.Count);
        Assert.Equal("", second.NextCursor);
    }

    [Fact]
    public void Sorts_by_fullname_descending_case_insensitively_across_pages()
    {
        var state = SiteWithCourses(Names);
        var sort = new List<object?> { Input(("column", "fullname"), ("direction", "DESC")) };
        var first = CourseListQuery.Run(state.Courses, Input(("sort", sort), ("pagination", Input(("limit", 5)))));
        var second = CourseListQuery.Run(state.Courses, Input(("sort", sort), ("pagination", Input(("cursor", first.NextCursor)))));
        var names = first.Items.Concat(second.Items).Select(c => c.FullName).ToList();
        Assert.Equal(new[] { "Hotel", "Golf", "Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "alpha" }, names);
    }

    // core\orm\pagination\cursor_paginator: ordered by fullname alone, the next page is "fullname > 'Same'".
    [Fact]
    public void Cursor_paging_courses_by_a_non_unique_name_skips_the_courses_that_tie_across_a_page_boundary()
    {
        var state = SiteWithCourses(new[] { "Alpha", "Same", "Same", "Same", "Zulu" });
        var sort = new List<object?> { Input(("column", "fullname")) };
        var first = CourseListQuery.Run(state.Courses, Input(("sort", sort), ("pagination", Input(("limit", 2)))));
        var second = CourseListQuery.Run(state.Courses, Input(("sort", sort), ("pagination", Input(("cursor", first.NextCursor)))));
        Assert.Equal(new[] { "Alpha", "Same", "Zulu" }, first.Items.Concat(second.Items).Select(c => c.FullName));

        var withId = new List<object?> { Input(("column", "fullname, id")) };
        var a = CourseListQuery.Run(state.Courses, Input(("sort", withId), ("pagination", Input(("limit", 3)))));
        var b = CourseListQuery.Run(state.Courses, Input(("sort", withId), ("pagination", Input(("cursor", a.NextCursor)))));
        Assert.Equal(5, a.Items.Concat(b.Items).Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("shortname", "Coding error detected, it must be fixed by a programmer: sort field must be one of these: id, fullname")]
    [InlineData("", "Required parameter 'column' not being passed.")]
    public void Rejects_a_bad_sort_column_with_Totaras_message(string column, string message)
    {
        var state = SiteWithCourses(Names);
        var error = Assert.Throws<TotaraApiException>(() =>
            CourseListQuery.Run(state.Courses, Input(("sort", new List<object?> { Input(("column", column)) }))));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Rejects_two_sort_columns_and_a_cursor_from_another_sort()
    {
        var state = SiteWithCourses(Names);
        var two = new List<object?> { Input(("column", "id")), Input(("column", "fullname")) };
        Assert.Equal("Sorting by more than one column is not currently supported.",
            Assert.Throws<TotaraApiException>(() => CourseListQuery.Run(state.Courses, Input(("sort", two)))).Message);

        var byId = CourseListQuery.Run(state.Courses, Input(("pagination", Input(("limit", 2)))));
        var byName = new List<object?> { Input(("column", "fullname")) };
        Assert.Throws<TotaraApiException>(() =>
            CourseListQuery.Run(state.Courses, Input(("sort", byName), ("pagination", Input(("cursor", byId.NextCursor))))));
        Assert.Equal(PageCursor.InvalidCursor,
            Assert.Throws<TotaraApiException>(() => CourseListQuery.Run(state.Courses, Input(("pagination", Input(("cursor", "not a cursor!")))))).Message);
    }

    [Fact]
    public void Filters_by_creation_and_modification_time_and_by_tag()
    {
        var state = SiteWithCourses(Names); // created 1_700_000_000 + 100 * n, modified 50 s later
        state.Courses.GetCourse(3)!.Tags.Add("Compliance");

        var created = CourseListQuery.Run(state.Courses, Input(("filters", Input(("since_timecreated", "1700000500")))));
        Assert.Equal(3, created.Total);
        var modified = CourseListQuery.Run(state.Courses, Input(("filters", Input(("since_timemodified", 1_700_000_651L)))));
        Assert.Equal(1, modified.Total);
        var iso = CourseListQuery.Run(state.Courses, Input(("filters", Input(("since_timecreated", "2023-11-14T22:21:40+00:00")))));
        Assert.Equal(3, iso.Total);
        var tagged = CourseListQuery.Run(state.Courses, Input(("filters", Input(("tag_filter", "compliance")))));
        Assert.Equal(new long[] { 3 }, tagged.Items.Select(c => c.Id));
    }
}
