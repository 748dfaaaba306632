using Totara.Client.Courses;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Learning;

/// <summary>Courses sorted by name are paged by id and sorted by the client, so courses that share a name are all listed.</summary>
public sealed class CourseListOrderSiteTests
{
    [Fact]
    public async Task Listing_courses_by_name_pages_by_id_and_loses_no_course_that_shares_a_name()
    {
        await using var site = await TestSite.StartAsync();
        var names = new[] { "Safety", "Induction", "Safety", "safety", "Zoning", "Safety" };
        for (var i = 0; i < names.Length; i++)
            LearningData.AddCourse(site.Host, "C" + i, names[i]);

        var listed = await site.Client.Courses.ListAsync(new CourseListOptions { SortByFullName = true, PageSize = 2 }).ToListAsync();

        Assert.Equal(
            names.Select((name, i) => (name, i)).OrderBy(x => x.name, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.i).Select(x => "C" + x.i),
            listed.Select(c => c.ShortName));
    }
}
