using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests.Security;

public sealed class ApiKeyRingTests
{
    private static readonly ApiKeyRing Ring = new([
        new ApiKeyEntry { Name = "first", Sha256 = ApiKeyRing.Hash("zlk_one") },
        new ApiKeyEntry { Name = "second", Sha256 = ApiKeyRing.Hash("zlk_two") },
    ]);

    [Fact]
    public void EachConfiguredKey_IsFoundByItsName()
    {
        Assert.Equal(("first", "second"), (Ring.Find("zlk_one"), Ring.Find("zlk_two")));
    }

    [Theory]
    [InlineData("zlk_three")]
    [InlineData("zlk_one ")]
    [InlineData("")]
    public void AnyOtherKey_IsNotFound(string presented)
    {
        Assert.Null(Ring.Find(presented));
    }

    [Fact]
    public void TheConfiguredHash_IsLowercaseHexSha256_NeverTheKey()
    {
        var key = ApiKeyRing.NewKey();
        var hash = ApiKeyRing.Hash(key);

        Assert.StartsWith("zlk_", key);
        Assert.NotEqual(key, ApiKeyRing.NewKey());
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(key[4..], hash);
    }

    [Theory]
    [InlineData("", "00")]
    [InlineData("short", "abc")]
    [InlineData("not-hex", "zz00000000000000000000000000000000000000000000000000000000000000")]
    public void AMalformedEntry_IsRefusedAtStart_NamingTheSetting(string name, string sha256)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ApiKeyRing([new ApiKeyEntry { Name = name, Sha256 = sha256 }]));

        Assert.Contains("Zhijiang:Auth:ApiKeys:0", error.Message);
    }
}
