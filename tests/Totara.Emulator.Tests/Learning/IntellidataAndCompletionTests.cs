using System.Text.Json;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Completion;
using Totara.Emulator.Domain.Intellidata;
using static Totara.Emulator.Tests.Learning.LearningFixtures;

namespace Totara.Emulator.Tests.Learning;

public class IntellidataAndCompletionTests
{
    [Fact]
    public void Live_data_returns_the_sites_courses_as_json()
    {
        var state = SiteWithCourses("Induction", "Fire Safety");
        using var doc = JsonDocument.Parse(LiveData.Json(state, "courses"));
        Assert.Equal(new[] { "Induction", "Fire Safety" }, doc.RootElement.EnumerateArray().Select(c => c.GetProperty("fullname").GetString()));
        using var roles = JsonDocument.Parse(LiveData.Json(state, "roles"));
        Assert.Contains(roles.RootElement.EnumerateArray(), r => r.GetProperty("shortname").GetString() == "student");
        Assert.Equal("Invalid datatype.", Assert.Throws<TotaraApiException>(() => LiveData.Json(state, "users")).Message);
    }

    [Fact]
    public void Data_files_validate_their_filters_and_list_one_zip_per_exported_datatype()
    {
        var store = new IntellidataStore();
        var all = DataFiles.List(store, null);
        Assert.Equal(IntellidataStore.RequiredDatatypes, all.Items.Select(g => g.Datatype));
        Assert.All(all.Items, g => Assert.EndsWith(".zip", Assert.Single(g.Files).FileName));
        Assert.Equal("Invalid datatype.", Assert.Throws<TotaraApiException>(() => DataFiles.List(store, Input(("datatype", "secrets")))).Message);
        Assert.Equal("Time start must be earlier than time end.",
            Assert.Throws<TotaraApiException>(() => DataFiles.List(store, Input(("timestart", 200L), ("timeend", 100L)))).Message);
        Assert.Equal(all.Items[0].Files[0].FileName, DataFiles.List(new IntellidataStore(), null).Items[0].Files[0].FileName);
    }

    [Fact]
    public void Completion_store_keeps_one_record_per_user_and_course()
    {
        var store = new CompletionStore();
        var first = store.Set(3, 2, CompletionStatus.InProgress, 40, 1000, 1100);
        var second = store.Set(3, 2, CompletionStatus.Complete, 100, 1000, 1100, 5000, 88.5);
        Assert.Same(first, second);
        Assert.Equal("complete", store.Get(3, 2)!.StatusKey);
        Assert.Null(store.Get(2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Set(3, 4, CompletionStatus.InProgress, 140, 0));
    }
}
