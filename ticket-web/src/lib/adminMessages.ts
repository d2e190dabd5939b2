// Every text of the admin console, in English and Simplified Chinese (merged into messages.ts). Placeholders are
// {name}; `{n, one, other}` picks the English form by a count.
export const adminEn = {
  navAdmin: 'Admin',
  adminConsole: 'Admin console',
  adminNav: 'Admin console',
  adminNavOverview: 'Overview',
  adminNavCinemas: 'Cinemas & halls',
  adminNavPrograms: 'Programs & showtimes',
  adminNavReports: 'Reports',
  adminHomeLead: 'Run the cinemas: halls and their seats, what is showing and when, and how it sells.',
  adminHomeCinemas: 'Add cinemas, draw their halls seat by seat and preview them as customers will see them.',
  adminHomePrograms: 'Films and shows with their posters and details; showtimes per hall, their prices, sale and cancellation.',
  adminHomeReports: 'Sales per film, cinema and day, occupancy, holds that became payments, refunds; CSV exports.',
  adminRefusedTitle: 'This part is for cinema admins',
  adminRefusedBody: 'You are signed in as {name}, and this account cannot manage cinemas, programs or reports.',
  adminRefusedHint: 'If you run a cinema, log in with your admin account.',
};

export const adminZhCN: Record<keyof typeof adminEn, string> = {
  navAdmin: '管理',
  adminConsole: '管理后台',
  adminNav: '管理后台',
  adminNavOverview: '概览',
  adminNavCinemas: '影院与影厅',
  adminNavPrograms: '节目与场次',
  adminNavReports: '报表',
  adminHomeLead: '管理影院：影厅与座位、上映内容与时间，以及销售情况。',
  adminHomeCinemas: '添加影院，逐座绘制影厅，并按观众看到的样子预览。',
  adminHomePrograms: '影片与演出的海报和信息；各影厅的场次、票价、开售与取消。',
  adminHomeReports: '按影片、影院和日期的销售额，上座率，锁座转化为付款，退款；导出 CSV。',
  adminRefusedTitle: '此页面仅供影院管理员使用',
  adminRefusedBody: '您当前登录的账号是 {name}，该账号无权管理影院、节目或报表。',
  adminRefusedHint: '如果您负责影院运营，请使用管理员账号登录。',
};
