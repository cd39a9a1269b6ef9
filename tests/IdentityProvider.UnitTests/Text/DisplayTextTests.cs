using IdentityProvider.Text;
using IdentityProvider.UnitTests.Localization;

namespace IdentityProvider.UnitTests.Text;

public class DisplayTextTests
{
    [Theory]
    [InlineData("backup\u202Etxt.exe")] // right-to-left override: shows "backupexe.txt"
    [InlineData("ci\u200Bbot")] // zero-width space
    [InlineData("\u200B\u200C\u200D\u2060")] // nothing visible at all
    [InlineData("bell\u0007")]
    [InlineData("esc\u001B[2J")]
    [InlineData("nul\u0000")]
    [InlineData("new\nline")]
    [InlineData("\uFEFFbom")]
    public void TryNormalize_HiddenCharacters_Refused(string input)
    {
        Assert.False(DisplayText.TryNormalize(input, "TokenLabel", 50, out var text, out var error));
        Assert.Equal("", text);
        Assert.Equal(DisplayTextProblem.HiddenCharacters, error.Problem);
        Assert.Equal("The label cannot contain control characters or invisible characters.", error.Message!.English);
    }

    [Fact]
    public void TryNormalize_LoneSurrogate_IsNotValidText()
    {
        // Built here: a lone surrogate does not survive xunit's serialisation of theory data.
        Assert.False(DisplayText.TryNormalize("lone" + (char)0xD800 + "surrogate", "TokenLabel", 20, out _, out var error));
        Assert.Equal(DisplayTextProblem.InvalidText, error.Problem);
        Assert.Equal("The label is not valid text.", error.Message!.English);
    }

    [Theory]
    [InlineData("", DisplayTextProblem.Missing, "Enter a label.")]
    [InlineData("   ", DisplayTextProblem.Missing, "Enter a label.")]
    [InlineData("abcdefghijklmnopqrstu", DisplayTextProblem.TooLong, "The label can have at most 20 characters.")]
    public void TryNormalize_BlankTooLongOrBroken_SaysWhy(string input, DisplayTextProblem problem, string message)
    {
        Assert.False(DisplayText.TryNormalize(input, "TokenLabel", 20, out _, out var error));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(message, error.Message!.English);
        Assert.Equal($"TokenLabel.{problem}", error.Message!.Key);
    }

    [Fact]
    public void AnError_InAPagesLanguage_IsItsSubjectsEntry_WithTheMaximum()
    {
        Assert.False(DisplayText.TryNormalize(new string('x', 51), "DeviceName", 50, out _, out var error));

        Assert.Equal("Название устройства может содержать не более 50 символов.", MessageTexts.In("ru", error.Message!));
        Assert.Equal("The name for the device can have at most 50 characters.", error.Message!.English);
    }

    [Theory]
    [InlineData("Резервное копирование")]
    [InlineData("deploy-bot 2")]
    [InlineData("日本語")]
    public void TryNormalize_OrdinaryNamesInAnyScript_Accepted(string input) =>
        Assert.True(DisplayText.TryNormalize(input, "a name", 50, out _, out _));
}
