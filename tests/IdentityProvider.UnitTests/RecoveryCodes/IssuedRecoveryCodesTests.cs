using IdentityProvider.Data;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.UnitTests.RecoveryCodes;

/// <summary>The show-once hand-over of a new set, on an in-memory SQLite database built by the real migrations.</summary>
public sealed class IssuedRecoveryCodesTests : IAsyncLifetime
{
    private static readonly string[] Codes = ["7kq2-m0xd-9wpa-3tfe", "0000-1111-2222-3333"];

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly TestClock clock = new();
    private ApplicationDbContext db = null!;

    private IssuedRecoveryCodes Issued => new(db, clock);

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite(connection, sqlite => sqlite.MigrationsAssembly("IdentityProvider.Migrations.Sqlite")).Options);
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Take_ForTheSameUser_ReturnsTheCodesInOrder()
    {
        var tempData = NewTempData();
        await Issued.KeepAsync(tempData, "user-1", Codes);

        Assert.Equal(Codes, await Issued.TakeAsync(tempData, "user-1"));
    }

    [Fact]
    public async Task Take_ForAnotherUser_ReturnsNothing()
    {
        var tempData = NewTempData();
        await Issued.KeepAsync(tempData, "user-1", Codes);

        Assert.Null(await Issued.TakeAsync(tempData, "user-2"));
    }

    [Fact]
    public async Task Take_WhenNothingWasKept_ReturnsNothing() =>
        Assert.Null(await Issued.TakeAsync(NewTempData(), "user-1"));

    [Fact]
    public async Task Take_ReplayedCookie_ShowsTheCodesOnlyOnce()
    {
        var provider = new MemoryTempDataProvider();
        var context = new DefaultHttpContext();
        var kept = new TempDataDictionary(context, provider);
        await Issued.KeepAsync(kept, "user-1", Codes);
        kept.Save();

        // Two requests carrying the same cookie: the second is a replay.
        var first = new TempDataDictionary(context, provider);
        var replay = new TempDataDictionary(context, provider);

        Assert.NotNull(await Issued.TakeAsync(first, "user-1"));
        Assert.Null(await Issued.TakeAsync(replay, "user-1"));
    }

    [Fact]
    public async Task Take_AfterTenMinutes_ShowsNothing()
    {
        var tempData = NewTempData();
        await Issued.KeepAsync(tempData, "user-1", Codes);
        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Null(await Issued.TakeAsync(tempData, "user-1"));
    }

    private static TempDataDictionary NewTempData() => new(new DefaultHttpContext(), new MemoryTempDataProvider());

    private sealed class MemoryTempDataProvider : ITempDataProvider
    {
        private IDictionary<string, object> values = new Dictionary<string, object>();

        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>(values);

        public void SaveTempData(HttpContext context, IDictionary<string, object> values) => this.values = new Dictionary<string, object>(values);
    }
}
