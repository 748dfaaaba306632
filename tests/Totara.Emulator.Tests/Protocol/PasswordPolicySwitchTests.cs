using Totara.Emulator.Hosting;

namespace Totara.Emulator.Tests.Protocol;

public class PasswordPolicySwitchTests
{
    [Fact]
    public void The_password_policy_is_on_by_default_and_the_switch_takes_on_or_off()
    {
        Assert.True(CommandLine.Parse(Array.Empty<string>()).Options.PasswordPolicy);
        Assert.False(CommandLine.Parse(new[] { "--password-policy", "off" }).Options.PasswordPolicy);
        Assert.True(CommandLine.Parse(new[] { "--password-policy", "ON" }).Options.PasswordPolicy);
        var bad = Assert.Throws<FormatException>(() => CommandLine.Parse(new[] { "--password-policy", "maybe" }));
        Assert.Equal("--password-policy must be on or off, not 'maybe'.", bad.Message);
    }
}
