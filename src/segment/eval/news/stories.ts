/**
 * Stories written for the typeset news pages (issue #12, item 6): the kinds of news-page text the
 * sample lacks — briefs, wire items with a 新华社 dateline, photo news, signed commentary. All of it
 * is invented for this corpus (places, people and figures are fictional); nothing is copied.
 */

export type StoryKind = 'news' | 'wire' | 'brief' | 'photo' | 'commentary';

export interface Story {
  id: string;
  kind: StoryKind;
  headline: string;
  kicker?: string;
  subtitle?: string;
  paragraphs: string[];
  /** Reporters (记者), then correspondents (通讯员); for commentary the signed author. */
  reporters: string[];
  correspondents: string[];
  photos: { text: string; photographer?: string }[];
  /** Wire items: where the dateline was filed (新华社北京…电). */
  filedAt?: string;
  /** Commentary: the note on the author printed after the body (作者为…). */
  authorNote?: string;
}

const s = (
  id: string,
  kind: StoryKind,
  headline: string,
  paragraphs: string[],
  more: Partial<Omit<Story, 'id' | 'kind' | 'headline' | 'paragraphs'>> = {},
): Story => ({ id, kind, headline, paragraphs, reporters: [], correspondents: [], photos: [], ...more });

export const WRITTEN_STORIES: readonly Story[] = [
  // ---- briefs: one or two short paragraphs each, printed several under one label
  s('b-library', 'brief', '青溪县图书馆延长夜间开放时间', [
    '即日起，青溪县图书馆周一至周五的闭馆时间由晚上六点推迟到九点，自习区和少儿阅览室同步开放。馆方表示，延时服务期间将增派志愿者值守，读者凭身份证或读者证即可入馆。',
  ], { reporters: ['方晓岚'] }),
  s('b-bus', 'brief', '城区新增两条微循环公交线路', [
    '为方便老旧小区居民出行，市公交集团近日开通两条微循环线路，串联菜市场、社区医院和地铁站。两条线路均采用小型电动车辆，发车间隔不超过十五分钟。',
  ], { reporters: ['邓一鸣'], correspondents: ['孔佳'] }),
  s('b-frost', 'brief', '气象部门提醒防范低温雨雪', [
    '市气象台昨天发布提示，受冷空气影响，未来三天全市将出现降温和雨雪天气，山区道路可能结冰。',
    '气象部门提醒，过往车辆请减速慢行，种植户要提前做好大棚加固和蔬菜防冻。',
  ]),
  s('b-clinic', 'brief', '梅岭镇卫生院开设夜间门诊', [
    '梅岭镇卫生院日前开设夜间门诊，每晚安排一名全科医生和一名护士坐诊，解决了周边村民晚上看病要跑县城的难题。开诊一周来，已接诊患者一百二十余人次。',
  ], { reporters: ['石蔓'], correspondents: ['贺文涛'] }),
  s('b-marathon', 'brief', '环湖半程马拉松开始报名', [
    '第三届环湖半程马拉松将于下月中旬鸣枪，赛事设半程、十公里和亲子跑三个项目，总规模五千人。报名通道已在赛事官方平台开启，名额按报名先后确定。',
  ], { reporters: ['黎川'] }),
  s('b-water', 'brief', '部分路段今晚停水检修', [
    '因供水管网改造施工，今晚十点至明天早上六点，建设路、新华街沿线部分小区将暂停供水。自来水公司提醒居民提前储水，施工期间将在小区门口设置临时供水点。',
  ]),
  s('b-fair', 'brief', '春季招聘会提供岗位三千余个', [
    '市人社局日前举办春季招聘会，八十余家企业带来岗位三千余个，涵盖装备制造、电子商务和家政服务等行业。现场还设置了政策咨询台，为求职者解读就业补贴申领办法。',
  ], { reporters: ['庞静怡'], correspondents: ['邹恒'] }),
  s('b-museum', 'brief', '', [
    '市博物馆新春特展“年画里的团圆”昨天开展，展出馆藏年画、剪纸和灯彩作品两百余件，展期至三月底，市民可免费预约参观。',
  ], { reporters: ['柯媛'] }),

  // ---- wire items (新华社…电)
  s('w-grain', 'wire', '冬春农业生产有序推进', [
    '记者从农业农村部门获悉，各地正抓住农闲时节开展高标准农田建设和农田水利设施修缮，冬小麦苗情总体好于上年。',
    '农技人员介绍，今年秋冬播期间墒情适宜，大部分麦田出苗整齐。下一步将重点做好冬前镇压和防寒保苗，指导农户科学追肥。',
    '有关负责人表示，将继续加强农资市场监管，确保化肥、种子等春耕物资供应充足、价格平稳。',
  ], { reporters: ['宁海舟'], filedAt: '北京', kicker: '抓好农时不放松' }),
  s('w-rail', 'wire', '春运首日铁路发送旅客超预期', [
    '春运首日，全国铁路客流平稳有序，多个枢纽车站增开临时列车，部分热门方向车票在开售后很快售罄。',
    '铁路部门表示，今年春运将实行一日一图，根据售票情况动态调整运力。“我们会在夜间增开列车，尽量让旅客走得了、走得好。”一位调度负责人说。',
  ], { reporters: ['卓一帆', '韩露'], filedAt: '北京' }),
  s('w-snow', 'wire', '北方多地迎来降雪', [
    '受较强冷空气影响，北方多地迎来今冬首场大范围降雪，部分高速公路采取临时交通管制。',
    '各地环卫部门连夜出动除雪车辆，重点保障主干道和公交线路畅通。气象专家提醒，降雪过后气温将进一步下降，公众出行要注意防滑保暖。',
  ], { reporters: ['秦朗'], filedAt: '哈尔滨' }),
  s('w-trade', 'wire', '外贸企业抢抓年初订单', [
    '年初以来，沿海外贸企业加紧生产，港口集装箱吞吐量保持增长。',
    '在一家家电出口企业的生产车间里，工人们正在赶制发往东南亚的订单。企业负责人介绍，今年一季度订单已经排满，新开发的节能产品尤其受欢迎。',
    '商务部门表示，将继续优化通关服务，帮助企业稳订单、拓市场。',
  ], { reporters: ['陆思源'], filedAt: '宁波', subtitle: '港口集装箱吞吐量保持增长' }),
  s('w-science', 'wire', '青少年科普活动走进乡村学校', [
    '一场以“科学点亮梦想”为主题的科普活动日前在多所乡村学校举行，科研人员为孩子们带来了机器人、天文望远镜和趣味实验。',
    '“原来星星也有颜色！”一名四年级学生通过望远镜观察夜空后兴奋地说。活动组织方表示，今年将再走进一百所乡村学校。',
  ], { reporters: ['叶青禾'], filedAt: '成都' }),
  s('w-heritage', 'wire', '古村落保护利用取得新进展', [
    '记者日前从有关部门了解到，已有数千个传统村落建立了保护档案，一批濒危古建筑得到抢救性修缮。',
    '在保护的同时，不少地方引导村民发展民宿、手工艺和乡村旅游，让老房子住得舒服、留得住人。',
  ], { reporters: ['冉静'], correspondents: ['施为'], filedAt: '贵阳' }),

  // ---- photo news: a picture, a caption with its credit, a short text
  s('p-lanterns', 'photo', '古镇花灯迎新春', [
    '新春将至，石门古镇的街巷挂起上千盏手工花灯，吸引不少市民游客前来观赏拍照。',
  ], { photos: [{ text: '游客在古镇观赏花灯。', photographer: '唐欣' }] }),
  s('p-harvest', 'photo', '冬季蔬菜丰收上市', [
    '连日来，白沙洲蔬菜基地的菜农抢抓晴好天气采收冬季蔬菜，新鲜的白菜、萝卜和芥菜经分拣包装后销往周边城市。',
  ], { photos: [{ text: '菜农在基地采收白菜。', photographer: '欧阳朔' }] }),
  s('p-bridge', 'photo', '跨江大桥主塔封顶', [
    '昨天上午，沅江特大桥南主塔顺利封顶，大桥建设进入上部结构施工阶段。建成后，两岸通行时间将由四十分钟缩短到十分钟。',
  ], { photos: [{ text: '建设者在主塔顶部作业。', photographer: '龚毅' }, { text: '大桥施工现场全景。', photographer: '龚毅' }] }),
  s('p-skating', 'photo', '冰雪运动进校园', [
    '近日，城南小学把旱地冰壶和轮滑课搬进体育课堂，孩子们在老师指导下体验冰雪运动的乐趣。',
  ], { photos: [{ text: '学生们在操场上体验旱地冰壶。', photographer: '陶然' }] }),
  s('p-cranes', 'photo', '湿地迎来越冬候鸟', [
    '随着气温下降，大批候鸟飞抵东湖湿地越冬。保护区工作人员介绍，今年观测到的白鹤数量比去年同期明显增加。',
  ], { photos: [{ text: '白鹤在湿地觅食。', photographer: '谢岚' }] }),

  // ---- local news with 本报讯 datelines or 本报记者 bylines
  s('n-elderly', 'news', '社区食堂让老人吃上热乎饭', [
    '中午十一点半，和平社区老年食堂里飘出饭菜香，两荤两素一汤，六十岁以上老人每餐只需十二元。',
    '“以前一个人在家懒得做饭，现在下楼就能吃上热乎的。”七十六岁的刘奶奶说。食堂还为行动不便的老人提供送餐上门服务，每天配送五十多份。',
    '社区负责人介绍，食堂由社区提供场地、餐饮企业运营，民政部门给予补贴。目前，全区已建成这样的社区食堂二十六个。',
  ], { reporters: ['孟秋'], correspondents: ['傅嘉'], kicker: '民生实事看落实' }),
  s('n-factory', 'news', '智能产线跑出“加速度”', [
    '在经开区一家电机企业的新车间里，机械臂有序挥舞，自动导引车来回穿梭，一台电机从下料到下线只需四十分钟。',
    '企业负责人算了一笔账：产线改造后，人均产值提高了一倍多，产品不良率下降六成。今年，企业计划再投入两条智能产线。',
    '近年来，经开区设立专项资金支持企业技术改造，已有一百多家规模以上企业完成数字化升级。',
  ], { reporters: ['严明远'], subtitle: '经开区企业数字化改造见闻' }),
  s('n-river', 'news', '河长巡河发现问题当天处理', [
    '一早，村级河长周师傅沿着小溪巡查，发现岸边堆放了一处建筑垃圾，随即通过手机上报。',
    '不到半天，镇里的保洁队伍就把垃圾清运完毕。据了解，该县推行河长巡河问题即时上报、限时办结制度，去年共处理各类问题八百余件。',
  ], { reporters: ['何子衿'], correspondents: ['罗青'] }),
  s('n-school', 'news', '课后服务“加餐”更有味', [
    '放学铃响，实验小学的孩子们没有急着回家，而是走进书法、围棋、合唱等兴趣课堂。',
    '学校负责人介绍，课后服务采取学生自愿参加的方式，除了老师辅导作业，还引入了非遗传承人和体育教练授课。',
    '“孩子在学校就把作业写完了，还学了一门特长，我们接送也方便。”一位家长说。',
  ], { reporters: ['简宁'] }),

  // ---- signed commentary: the author alone under the headline
  s('c-service', 'commentary', '把“小事”当成大事来办', [
    '群众身边的事，往往都是具体的小事：一盏路灯、一段台阶、一个停车位。这些事情看起来不大，却直接关系到群众的获得感。',
    '办好小事，首先要摸清需求。一些地方在办实事之前先开“院坝会”，请群众提意见、排顺序，办起来就有的放矢。',
    '办好小事，还要持之以恒。路灯修好了要有人维护，食堂开起来要有人监督，只有建立长效机制，好事才能办好、办长久。',
    '把群众的小事当成自己的大事，一件接着一件办，一年接着一年干，就一定能赢得群众的信任。',
  ], { reporters: ['郑远航'] }),
  s('c-reading', 'commentary', '让阅读成为城市的日常', [
    '一座城市的气质，藏在它的书店和图书馆里。近年来，不少城市在街头巷尾建起了小而美的阅读空间。',
    '阅读空间建起来容易，用起来却需要下功夫。有的书屋藏书陈旧、开放时间短，渐渐成了摆设。',
    '让阅读成为日常，既要有好的空间，也要有好的内容和服务。定期更新书目、组织读书活动，才能把读者留下来。',
  ], { reporters: ['韦知秋'], authorNote: '作者单位：青溪县文化馆' }),
  s('c-spring', 'commentary', '春耕备耕要早谋划', [
    '一年之计在于春。眼下离春耕还有一段时间，但备耕工作不能等。',
    '种子、化肥、农机，哪一样准备不足都会误了农时。各地要提前摸底，及早调运，确保农资供应不断档。',
    '同时，要把农技服务送到田间地头，帮助农户解决实际困难，为全年粮食丰收打下坚实基础。',
  ], { reporters: ['柏松'], authorNote: '作者为市农业科学研究所研究员' }),
];
