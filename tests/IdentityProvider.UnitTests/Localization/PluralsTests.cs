using System.Globalization;
using IdentityProvider.Localization;

namespace IdentityProvider.UnitTests.Localization;

public sealed class PluralsTests
{
    [Theory]
    [InlineData(1, "код")]
    [InlineData(21, "код")]
    [InlineData(101, "код")]
    [InlineData(2, "кода")]
    [InlineData(4, "кода")]
    [InlineData(23, "кода")]
    [InlineData(0, "кодов")]
    [InlineData(5, "кодов")]
    [InlineData(11, "кодов")]
    [InlineData(12, "кодов")]
    [InlineData(14, "кодов")]
    [InlineData(111, "кодов")]
    [InlineData(25, "кодов")]
    public void Russian_PicksOneFewOrMany(long count, string expected) =>
        Assert.Equal(expected, Plurals.Russian(count, "код", "кода", "кодов"));

    [Theory]
    [InlineData("en", 1, PluralForm.One)]
    [InlineData("en", 2, PluralForm.Many)]
    [InlineData("en", 0, PluralForm.Many)]
    [InlineData("ru", 3, PluralForm.Few)]
    [InlineData("ru", 13, PluralForm.Many)]
    public void FormOf_FollowsTheLanguage(string language, long count, PluralForm form) =>
        Assert.Equal(form, Plurals.FormOf(count, CultureInfo.GetCultureInfo(language)));

    [Fact]
    public void Plural_ReadsTheEntryOfTheForm_InTheReadersLanguage()
    {
        var texts = new StaticTexts(new()
        {
            ["Codes.One"] = "Остался {0} код.",
            ["Codes.Few"] = "Осталось {0} кода.",
            ["Codes.Many"] = "Осталось {0} кодов.",
        });
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        try
        {
            Assert.Equal("Осталось 3 кода.", texts.Plural("Codes", 3, 3).Value);
            Assert.Equal("Остался 21 код.", texts.Plural("Codes", 21, 21).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
