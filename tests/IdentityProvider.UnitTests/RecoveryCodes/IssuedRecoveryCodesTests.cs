using IdentityProvider.RecoveryCodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace IdentityProvider.UnitTests.RecoveryCodes;

public class IssuedRecoveryCodesTests
{
    private static readonly string[] Codes = ["7kq2-m0xd-9wpa-3tfe", "0000-1111-2222-3333"];

    [Fact]
    public void Take_ForTheSameUser_ReturnsTheCodesInOrder()
    {
        var tempData = NewTempData();
        IssuedRecoveryCodes.Keep(tempData, "user-1", Codes);

        Assert.Equal(Codes, IssuedRecoveryCodes.Take(tempData, "user-1"));
    }

    [Fact]
    public void Take_ForAnotherUser_ReturnsNothing()
    {
        var tempData = NewTempData();
        IssuedRecoveryCodes.Keep(tempData, "user-1", Codes);

        Assert.Null(IssuedRecoveryCodes.Take(tempData, "user-2"));
    }

    [Fact]
    public void Take_WhenNothingWasKept_ReturnsNothing() =>
        Assert.Null(IssuedRecoveryCodes.Take(NewTempData(), "user-1"));

    [Fact]
    public void Take_MarksTheCodesRead_SoTheyAreNotKeptForTheNextRequest()
    {
        var provider = new MemoryTempDataProvider();
        var context = new DefaultHttpContext();
        var first = new TempDataDictionary(context, provider);
        IssuedRecoveryCodes.Keep(first, "user-1", Codes);
        first.Save();

        var second = new TempDataDictionary(context, provider);
        Assert.NotNull(IssuedRecoveryCodes.Take(second, "user-1"));
        second.Save();

        Assert.Null(IssuedRecoveryCodes.Take(new TempDataDictionary(context, provider), "user-1"));
    }

    private static TempDataDictionary NewTempData() => new(new DefaultHttpContext(), new MemoryTempDataProvider());

    private sealed class MemoryTempDataProvider : ITempDataProvider
    {
        private IDictionary<string, object> values = new Dictionary<string, object>();

        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>(values);

        public void SaveTempData(HttpContext context, IDictionary<string, object> values) => this.values = new Dictionary<string, object>(values);
    }
}
