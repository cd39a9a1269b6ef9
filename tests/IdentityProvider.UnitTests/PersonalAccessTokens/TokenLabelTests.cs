using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.Text;

namespace IdentityProvider.UnitTests.PersonalAccessTokens;

public class TokenLabelTests
{
    [Theory]
    [InlineData("  deploy script  ", "deploy script")]
    [InlineData("\tci\n", "ci")]
    [InlineData("backup", "backup")]
    public void TryNormalize_SurroundingWhitespace_Trims(string input, string expected)
    {
        Assert.True(TokenLabel.TryNormalize(input, out string label, out var error));
        Assert.Equal(expected, label);
        Assert.Equal(DisplayTextProblem.None, error.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void TryNormalize_EmptyOrWhitespaceOnly_RefusedWithEnterALabel(string? input)
    {
        Assert.False(TokenLabel.TryNormalize(input, out string label, out var error));
        Assert.Equal(DisplayTextProblem.Missing, error.Problem);
        Assert.Equal("Enter a label.", error.Message!.English);
        Assert.Equal(string.Empty, label);
    }

    [Fact]
    public void TryNormalize_20Characters_Accepted()
    {
        string twenty = new('x', 20);

        Assert.True(TokenLabel.TryNormalize(twenty, out string label, out _));
        Assert.Equal(twenty, label);
        Assert.Equal(20, TokenLabel.MaxLength);
    }

    [Fact]
    public void TryNormalize_20CharactersWithSurroundingSpaces_Accepted()
    {
        // The limit applies to what is stored, after trimming.
        Assert.True(TokenLabel.TryNormalize("   " + new string('x', 20) + "   ", out string label, out _));
        Assert.Equal(20, label.Length);
    }

    [Fact]
    public void TryNormalize_21Characters_RefusedWithLengthMessage()
    {
        Assert.False(TokenLabel.TryNormalize(new string('x', 21), out string label, out var error));
        Assert.Equal(DisplayTextProblem.TooLong, error.Problem);
        Assert.Equal("The label can have at most 20 characters.", error.Message!.English);
        Assert.Equal(string.Empty, label);
    }

    [Fact]
    public void TryNormalize_InnerSpaces_Kept()
    {
        Assert.True(TokenLabel.TryNormalize("my  laptop", out string label, out _));
        Assert.Equal("my  laptop", label);
    }
}
