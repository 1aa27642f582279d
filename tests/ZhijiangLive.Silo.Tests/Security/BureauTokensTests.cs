using System.Security.Cryptography;
using System.Text;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests.Security;

public sealed class BureauTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly string Key = BureauTokens.NewSigningKey();
    private static readonly BureauTokens Tokens = new([Key]);

    [Fact]
    public void AToken_SaysItsRegionAndExpiry()
    {
        var token = Tokens.Create("330106", Now.AddDays(30));

        Assert.True(Tokens.TryRead(token, Now, out var read, out _));
        Assert.Equal(("330106", Now.AddDays(30)), (read!.RegionId, read.Expires));
        Assert.StartsWith(BureauTokens.Prefix, token);
    }

    [Fact]
    public void ATamperedPayload_DoesNotVerify()
    {
        var token = Tokens.Create("330106", Now.AddDays(1));
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("330106", "330000");
        var tampered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        Assert.False(Tokens.TryRead(tampered, Now, out _, out var failure));
        Assert.Contains("signature", failure);
    }

    [Fact]
    public void ATokenOfAnotherKey_DoesNotVerify_UnlessThatKeyIsConfiguredToo()
    {
        var other = BureauTokens.NewSigningKey();
        var token = new BureauTokens([other]).Create("330106", Now.AddDays(1));

        Assert.False(Tokens.TryRead(token, Now, out _, out var failure));
        Assert.Contains("signature", failure);
        Assert.True(new BureauTokens([Key, other]).TryRead(token, Now, out _, out _));
    }

    [Fact]
    public void AnExpiredToken_IsRefused()
    {
        var token = Tokens.Create("330106", Now);

        Assert.False(Tokens.TryRead(token, Now, out _, out var failure));
        Assert.Contains("expired", failure);
    }

    [Theory]
    [InlineData("zlt1.")]
    [InlineData("zlt1.abc")]
    [InlineData("zlt1.!!!.???")]
    [InlineData("zlk_a-key")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.sig")]
    public void AMalformedToken_IsRefused(string token)
    {
        Assert.False(Tokens.TryRead(token, Now, out var read, out var failure));
        Assert.Null(read);
        Assert.Contains("not a bureau token", failure);
    }

    [Fact]
    public void ASignedPayloadThatIsNotClaims_IsRefused()
    {
        var signed = BureauTokens.Prefix + System.Buffers.Text.Base64Url.EncodeToString("[1,2]"u8);
        var signature = HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.ASCII.GetBytes(signed));

        Assert.False(Tokens.TryRead($"{signed}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}", Now, out _, out var failure));
        Assert.Contains("malformed", failure);
    }

    [Fact]
    public void AShortSigningKey_IsRefusedAtStart()
    {
        Assert.Throws<InvalidOperationException>(() => new BureauTokens([Convert.ToBase64String(new byte[16])]));
    }
}
