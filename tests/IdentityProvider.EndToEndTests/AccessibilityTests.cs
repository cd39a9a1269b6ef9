using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using IdentityProvider.Users;
using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// Every page of the provider in Chromium, one walk per visitor (nobody signed in, a user, an administrator): axe-core
/// finds no serious or critical violation, and at 360 px nothing scrolls sideways (<see cref="PageChecks"/>); pages
/// with their validation errors shown and the pages only a sign-in in progress, a mailed link or a secret shown once
/// reach are walked too. A failure lists rule, page and element of every finding.
/// </summary>
[Collection(PagesInChromiumCollection.Name)]
public sealed class AccessibilityTests(PagesInChromiumFixture fixture)
{
    [Fact]
    public async Task SignInSide_EveryPageAndState_NoSeriousViolation_FitsAt360()
    {
        var checks = new PageChecks();
        var page = await fixture.NewPageAsync();
        try
        {
            // The pages anyone opens by address.
            foreach (var path in BrowserWalk.PagesOf(Visitor.Anonymous, new Dictionary<string, string>()))
            {
                await fixture.GoAsync(page, path);
                await checks.CheckAsync(page, path);
            }

            await fixture.GoAsync(page, BrowserWalk.MissingPage);
            await checks.CheckAsync(page, "error page (404)");

            // Validation errors.
            await fixture.GoAsync(page, LoginPage.Path);
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "sign-in, fields empty");
            await BrowserWalk.SignInAsync(page, "nobody@example.com", "wrong-password");
            await checks.CheckAsync(page, "sign-in, refused");
            await fixture.GoAsync(page, ForgotPasswordPage.Path);
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "forgot password, fields empty");
            await BrowserWalk.RequestResetAsync(page, "nobody@example.com");
            await checks.CheckAsync(page, "forgot password, sent");

            // The mailed links, working and not.
            var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(fixture.Rig.Provider);
            var (reset, set) = await fixture.PasswordLinksAsync(user);
            await fixture.GoAsync(page, reset);
            await checks.CheckAsync(page, "reset password");
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "reset password, fields empty");
            await fixture.GoAsync(page, ResetPasswordPage.Path);
            await checks.CheckAsync(page, "reset password, link invalid");
            await fixture.GoAsync(page, set);
            await checks.CheckAsync(page, "set password");
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "set password, fields empty");
            await fixture.GoAsync(page, SetPasswordPage.Path);
            await checks.CheckAsync(page, "set password, link invalid");

            // A sign-in in progress: the OTP step, resynchronising, a recovery code, each also with its errors.
            await fixture.GoAsync(page, LoginPage.Path);
            await BrowserWalk.SignInAsync(page, user.Email, user.Password);
            Assert.True(BrowserWalk.IsAt(page, TwoStepPage.Path), $"Expected the OTP step, at {page.Url}");
            await checks.CheckAsync(page, "OTP step");
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "OTP step, code empty");
            foreach (var path in BrowserWalk.PendingSignInPages)
            {
                await fixture.GoAsync(page, path);
                Assert.True(BrowserWalk.IsAt(page, path), $"Expected {path}, at {page.Url}");
                await checks.CheckAsync(page, path);
                await BrowserWalk.SendEmptyAsync(page);
                await checks.CheckAsync(page, path + ", fields empty");
            }

            await fixture.GoAsync(page, TwoStepPage.Path);
            fixture.Clock.Advance(UserStories.Step);
            await BrowserWalk.SendOneTimePasswordAsync(page, device.TotpNow(fixture.Clock));
            Assert.True(BrowserWalk.IsAt(page, ManagePage.Path), $"Expected the account page, at {page.Url}");
            await page.Context.ClearCookiesAsync();

            // Enrolment during sign-in (a relying party demands two steps of a user without a device), to the recovery codes.
            var newcomer = await UserStories.CreateUserAsync(fixture.Rig.Provider);
            await fixture.GoAsync(page, UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" }).ToUrl());
            await BrowserWalk.SignInAsync(page, newcomer.Email, newcomer.Password);
            Assert.True(BrowserWalk.IsAt(page, EnrolTwoStepPage.Path), $"Expected the enrolment, at {page.Url}");
            await checks.CheckAsync(page, "enrolment during sign-in");
            await BrowserWalk.BeginEnrolmentAsync(page, "Phone");
            await checks.CheckAsync(page, "enrolment during sign-in, QR code");
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "enrolment during sign-in, code empty");
            await page.Context.ClearCookiesAsync();

            // Consent to a third-party app.
            var consenting = await UserStories.CreateUserAsync(fixture.Rig.Provider);
            await fixture.GoAsync(page, new AuthorizationRequest("spa", TestData.SpaRedirectUri, "openid profile email api").ToUrl());
            await BrowserWalk.SignInAsync(page, consenting.Email, consenting.Password);
            Assert.True(BrowserWalk.IsAt(page, ConsentPage.Path), $"Expected the consent page, at {page.Url}");
            await checks.CheckAsync(page, "consent");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The walk stopped at {page.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(page)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        checks.AssertNoFindings();
    }

    [Fact]
    public async Task AccountPages_EveryPageAndState_NoSeriousViolation_FitsAt360()
    {
        var checks = new PageChecks();
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(fixture.Rig.Provider);
        var page = await fixture.NewPageAsync();
        try
        {
            await fixture.SignInAsync(page, user, device);

            // A token, so the list, the token shown once and the revoke page have one.
            await fixture.GoAsync(page, CreateTokenPage.Path);
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "create token, fields empty");
            await fixture.GoAsync(page, CreateTokenPage.Path);
            await BrowserWalk.CreateTokenAsync(page, "Nightly reports");
            Assert.True(await BrowserWalk.ShowsNewTokenAsync(page), $"No new token shown at {page.Url}");
            await checks.CheckAsync(page, "create token, token shown once");

            foreach (var path in BrowserWalk.PagesOf(Visitor.SignedIn, new Dictionary<string, string>()))
            {
                await fixture.GoAsync(page, path);
                Assert.True(BrowserWalk.IsAt(page, path), $"Expected {path}, at {page.Url}");
                await checks.CheckAsync(page, path);
            }

            await fixture.GoAsync(page, TokensPage.Path);
            await fixture.GoAsync(page, await BrowserWalk.RevokeTokenLinkAsync(page));
            await checks.CheckAsync(page, "revoke token");
            await fixture.GoAsync(page, DevicesPage.Path);
            await fixture.GoAsync(page, await BrowserWalk.RemoveDeviceLinkAsync(page));
            await checks.CheckAsync(page, "remove device");
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "remove device, password empty");

            await fixture.GoAsync(page, AddDevicePage.Path);
            await BrowserWalk.BeginEnrolmentAsync(page, "Second phone");
            await checks.CheckAsync(page, "add device, QR code");
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "add device, code empty");

            await fixture.GoAsync(page, ChangePasswordPage.Path);
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "change password, fields empty");

            await fixture.GoAsync(page, RecoveryCodesPage.Path);
            await BrowserWalk.SendEmptyAsync(page);
            await checks.CheckAsync(page, "recovery codes, password empty");
            await BrowserWalk.GenerateRecoveryCodesAsync(page, user.Password);
            Assert.True(BrowserWalk.IsAt(page, ShowRecoveryCodesPage.Path), $"Expected the new recovery codes, at {page.Url}");
            await checks.CheckAsync(page, "recovery codes shown");

            await fixture.GoAsync(page, LogoutPage.Path);
            await checks.CheckAsync(page, "sign out");
            await BrowserWalk.SendEmptyAsync(page);
            Assert.True(BrowserWalk.IsAt(page, SignedOutPage.Path), $"Expected the signed-out page, at {page.Url}");
            await checks.CheckAsync(page, "signed out");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The walk stopped at {page.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(page)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        checks.AssertNoFindings();
    }

    /// <summary>Every admin page of the <see cref="PageCatalog"/> as an administrator, in English and in Russian.</summary>
    [Theory]
    [InlineData("en-GB")]
    [InlineData("ru-RU")]
    public async Task AdminArea_EveryPage_NoSeriousViolation_FitsAt360(string locale)
    {
        var checks = new PageChecks();
        var provider = fixture.Rig.Provider;
        var admin = await UserStories.CreateUserAsync(provider, role: ProviderRoles.Administrator, displayName: "Ada Admin");
        var adminDevice = await UserStories.EnrolTotpAsync(provider, admin.Id);
        var (someone, _, _) = await UserStories.UserWithRecoveryCodesAsync(provider);
        using var api = await AdminApiStories.ServiceApiClientAsync(provider);
        var clientId = ClientStories.NewClientId("a11y");
        await ClientStories.CreateServiceClientAsync(api, clientId);
        var scopeName = "a11y-" + Guid.NewGuid().ToString("N")[..8];
        await ClientStories.CreateScopeAsync(api, scopeName, "Reports", "Reads the nightly reports");
        var (serial, _) = await HardwareTokenStories.ImportRandomTokenAsync(api, OtpType.Hotp);
        var ids = new Dictionary<string, string> { ["userId"] = someone.Id, ["clientId"] = clientId, ["name"] = scopeName, ["serial"] = serial };
        var page = await fixture.NewPageAsync(locale);
        try
        {
            await fixture.SignInAsync(page, admin, adminDevice);
            foreach (var path in BrowserWalk.PagesOf(Visitor.Admin, ids))
            {
                await fixture.GoAsync(page, path);
                Assert.True(BrowserWalk.IsAt(page, path), $"Expected {path}, at {page.Url}");
                await checks.CheckAsync(page, $"{path} ({locale})");
            }

            foreach (var path in BrowserWalk.AdminFormsSentEmpty)
            {
                await fixture.GoAsync(page, path);
                await BrowserWalk.SendEmptyAsync(page);
                await checks.CheckAsync(page, $"{path}, fields empty ({locale})");
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The walk stopped at {page.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(page)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        checks.AssertNoFindings();
    }
}
