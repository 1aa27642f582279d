namespace ZhijiangLive.LoadTests.Province;

/// <summary>Plausible Chinese names for generated schools and teachers, chosen by index so they are deterministic.</summary>
internal static class SchoolNames
{
    private static readonly string[] Small = ["小学", "中心小学", "实验小学"];
    private static readonly string[] Large = ["初级中学", "中学", "高级中学", "实验学校"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "朱", "胡", "林", "何", "郑"];
    private static readonly string[] Given = ["晓燕", "建华", "丽萍", "志强", "海燕", "伟", "敏", "静", "磊", "婷", "杰", "芳", "涛", "霞"];
    private static readonly string[] Subjects = ["语文", "数学", "英语", "科学", "物理", "化学", "历史", "地理", "音乐", "美术", "体育", "信息技术"];

    /// <summary>Small schools are primary schools; larger ones middle and high schools.</summary>
    public static string Name(int index, int teachers) =>
        $"第{index / 7 + 1}{(teachers < 45 ? Small[index % Small.Length] : Large[index % Large.Length])}";

    public static string Teacher(int index) => Surnames[index % Surnames.Length] + Given[index / Surnames.Length % Given.Length];

    public static string Subject(int index) => Subjects[index * 7 % Subjects.Length];
}
