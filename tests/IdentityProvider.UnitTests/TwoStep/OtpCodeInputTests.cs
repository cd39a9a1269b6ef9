using IdentityProvider.TwoStep;
using IdentityProvider.UnitTests.Localization;

namespace IdentityProvider.UnitTests.TwoStep;

public class OtpCodeInputTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("123 456", "123456")]
    [InlineData(" 123456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData("1 2-3 4-5 6", "123456")]
    [InlineData("123\u00A0456", "123456")]
    [InlineData("\t123456\n", "123456")]
    public void TryNormalize_DigitsWithSpacesOrDashes_ReturnsBareDigits(string input, string expected)
    {
        bool ok = OtpCodeInput.TryNormalize(input, 6, out string code, out var error);

        Assert.True(ok);
        Assert.Equal(expected, code);
        Assert.Equal(OtpCodeProblem.None, error.Problem);
    }

    [Fact]
    public void TryNormalize_EightDigits_Accepted()
    {
        Assert.True(OtpCodeInput.TryNormalize("1234 5678", 8, out string code, out _));
        Assert.Equal("12345678", code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - ")]
    public void TryNormalize_Empty_AsksForTheCode(string? input)
    {
        AssertRefused(input, 6, OtpCodeProblem.Missing, "Enter the code.");
    }

    [Theory]
    [InlineData("12345a")]
    [InlineData("abcdef")]
    [InlineData("123.456")]
    [InlineData("١٢٣٤٥٦")]
    [InlineData("１２３４５６")]
    public void TryNormalize_LettersOrOtherCharacters_SaysDigitsOnly(string input)
    {
        AssertRefused(input, 6, OtpCodeProblem.NotDigits, "The code is made of digits only.");
    }

    [Theory]
    [InlineData("12345", 6)]
    [InlineData("1234567", 6)]
    [InlineData("123456", 8)]
    public void TryNormalize_WrongLength_SaysHowManyDigits(string input, int digits)
    {
        AssertRefused(input, digits, OtpCodeProblem.WrongLength, $"The code has {digits} digits.");
    }

    [Fact]
    public void TryNormalize_FiveHundredCharacterGarbage_RefusedAsWrongLength()
    {
        string garbage = string.Concat(Enumerable.Repeat("x9- <>", 84))[..500];

        AssertRefused(garbage, 6, OtpCodeProblem.WrongLength, "The code has 6 digits.");
    }

    [Fact]
    public void TryNormalize_ValidCodeInInputOver64Characters_Refused()
    {
        string padded = new string(' ', 59) + "123456";

        AssertRefused(padded, 6, OtpCodeProblem.WrongLength, "The code has 6 digits.");
    }

    [Fact]
    public void TryNormalizeAny_NoneFits_SaysWhyForTheFewestDigits()
    {
        Assert.False(OtpCodeInput.TryNormalizeAny("1234567", [8, 6], out _, out var error));

        Assert.Equal(new OtpCodeError(OtpCodeProblem.WrongLength, 8), error);
    }

    [Fact]
    public void AnError_InAPagesLanguage_IsItsMessageTextEntry_WithTheDigits()
    {
        Assert.False(OtpCodeInput.TryNormalize("12345", 6, out _, out var error));

        Assert.Equal("OtpCode.WrongLength", error.Message!.Key);
        Assert.Equal("Код должен содержать цифр: 6.", MessageTexts.In("ru", error.Message));
        Assert.Equal("The code has 6 digits.", error.Message.English);
    }

    private static void AssertRefused(string? input, int digits, OtpCodeProblem problem, string english)
    {
        bool ok = OtpCodeInput.TryNormalize(input, digits, out string code, out var error);

        Assert.False(ok);
        Assert.Empty(code);
        Assert.Equal(problem, error.Problem);
        Assert.Equal(english, error.Message!.English);
    }
}
