using IdentityProvider.Profiles;

namespace IdentityProvider.UnitTests.Profiles;

public class ProfileFieldsTests
{
    [Theory]
    [InlineData("+49 30 1234-5678", "+493012345678")]
    [InlineData("  030 1234567 ", "0301234567")]
    [InlineData("1234567", "1234567")]
    [InlineData("+123456789012345", "+123456789012345")]
    [InlineData("+7-495-123-45-67", "+74951234567")]
    public void PhoneNumber_SeparatorsDropped(string input, string expected)
    {
        Assert.Null(ProfileFields.PhoneNumber(input, out var phone));
        Assert.Equal(expected, phone);
    }

    [Theory]
    [InlineData("123456")] // 6 digits
    [InlineData("+1234567890123456")] // 16 digits
    [InlineData("+49 (30) 1234567")]
    [InlineData("49+301234567")]
    [InlineData("++49301234567")]
    [InlineData("+49.30.1234567")]
    [InlineData("０１２３４５６７")] // full-width digits are not ASCII digits
    [InlineData("+49 30 1234567 ext 5")]
    [InlineData("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7")] // 17 digits, and longer than anyone types
    public void PhoneNumber_NotE164Like_Refused(string input)
    {
        var refusal = ProfileFields.PhoneNumber(input, out var phone);

        Assert.NotNull(refusal);
        Assert.Null(phone);
        Assert.Equal("Enter the phone number as an optional + and 7 to 15 digits; spaces and dashes may separate them.", refusal.English);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankOptionalFields_ClearTheValue(string? input)
    {
        Assert.Null(ProfileFields.PhoneNumber(input, out var phone));
        Assert.Null(ProfileFields.GivenName(input, out var givenName));
        Assert.Null(ProfileFields.FamilyName(input, out var familyName));
        Assert.Equal((null, null, null), (phone, givenName, familyName));
    }

    [Fact]
    public void Name_IsRequired_AndNamesFollowTheDisplayTextRules()
    {
        Assert.Equal("Enter the name.", ProfileFields.Name("  ", out _)?.English);
        Assert.Null(ProfileFields.Name("  Ana Lima ", out var name));
        Assert.Equal("Ana Lima", name);
        Assert.Equal("The given name cannot contain control characters or invisible characters.", ProfileFields.GivenName("Ana\u200B", out _)?.English);
        Assert.Equal("The family name can have at most 100 characters.", ProfileFields.FamilyName(new string('x', 101), out _)?.English);
        Assert.Null(ProfileFields.FamilyName(new string('x', 100), out _));
    }
}
