using System.Xml.Linq;
using IdentityProvider.AccountOverview;
using IdentityProvider.Auditing;
using IdentityProvider.Pages.Manage;
using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.AccountOverview;

public class ActivitySentenceTests
{
    [Fact]
    public void EveryShownKind_HasASentence_AndEverySentenceIsForAShownKind()
    {
        Assert.Empty(SecurityActivity.ShownKinds.Except(ActivityModel.Sentences.Keys));
        Assert.Empty(ActivityModel.Sentences.Keys.Except(SecurityActivity.ShownKinds));
        Assert.Empty(SecurityActivity.ShownKinds.Except(SecurityEventKinds.All));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public void EverySentence_IsInTheAccountPagesTexts_AsAWholeSentence(string language)
    {
        var texts = XDocument.Load(Path.Combine(RepositoryFiles.Root, "src", "IdentityProvider", "Resources", "Localization", $"ManageText.{language}.resx"))
            .Root!.Elements("data").ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

        Assert.All(ActivityModel.Sentences.Values.Append(ActivityModel.OtherSentence), key =>
        {
            Assert.True(texts.TryGetValue(key, out var sentence), $"{key} is missing in ManageText.{language}.resx");
            Assert.EndsWith(".", sentence, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AdministratorOnlyKinds_AboutOtherThings_AreNotShown()
    {
        Assert.DoesNotContain(SecurityEventKinds.PolicyChanged, SecurityActivity.ShownKinds);
        Assert.DoesNotContain(SecurityEventKinds.ClientCreated, SecurityActivity.ShownKinds);
        Assert.DoesNotContain(SecurityEventKinds.TokenUsed, SecurityActivity.ShownKinds);
    }
}
