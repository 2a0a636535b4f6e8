#!/usr/bin/env python3
"""Writes expected.csv (gold format) and corpus.txt from the hand-written
cases below: each article is a headline and sentences, each sentence with
the statistics a reader finds in it. The expectations are written by hand
here, never computed by zhstats. Run it after editing the cases."""
import csv

# (surface, base_value, unit, metric, kind, qualifier, period)
A = [
("国家统计局发布2023年经济数据", "本报北京1月17日电（记者王蕾）", [
 ("初步核算，2023年全年国内生产总值1260582亿元，比上年增长5.2%。",
  [("1260582亿元","126058200000000","元","gdp","level","exact","2023"),
   ("5.2%","5.2","%","gdp","change_pct","exact","2023")]),
 ("全年社会消费品零售总额471495亿元，比上年增长7.2%。",
  [("471495亿元","47149500000000","元","retail_sales","level","exact",""),
   ("7.2%","7.2","%","retail_sales","change_pct","exact","")]),
 ("全国固定资产投资（不含农户）503036亿元，比上年增长3.0%。",
  [("503036亿元","50303600000000","元","fixed_asset_investment","level","exact",""),
   ("3.0%","3","%","fixed_asset_investment","change_pct","exact","")]),
 ("2023年，全国城镇调查失业率平均值为5.2%，比上年下降0.4个百分点。",
  [("5.2%","5.2","%","urban_surveyed_unemployment_rate","share","exact","2023"),
   ("0.4个百分点","-0.4","pp","urban_surveyed_unemployment_rate","change_abs","exact","2023")]),
 ("全年城镇新增就业1244万人，比上年多增38万人。",
  [("1244万人","12440000","人","new_urban_jobs","level","exact",""),
   ("38万人","380000","人","new_urban_jobs","change_abs","exact","")]),
 ("全国居民人均可支配收入39218元，比上年名义增长6.3%。",
  [("39218元","39218","元","per_capita_disposable_income","level","exact",""),
   ("6.3%","6.3","%","per_capita_disposable_income","change_pct","exact","")]),
 ("年末全国人口140967万人，比上年末减少208万人。",
  [("140967万人","1409670000","人","total_population","level","exact",""),
   ("208万人","-2080000","人","total_population","change_abs","exact","")]),
 ("全年出生人口902万人，人口出生率为6.39‰。",
  [("902万人","9020000","人","births","level","exact","")]),
]),
("全年粮食产量再创新高", "本报北京12月11日电（记者郁静娴）", [
 ("国家统计局公布数据显示，2023年全国粮食总产量13908.2亿斤，比上年增加177.6亿斤，增长1.3%。",
  [("13908.2亿斤","1390820000000","斤","grain_output","level","exact","2023"),
   ("177.6亿斤","17760000000","斤","grain_output","change_abs","exact","2023"),
   ("1.3%","1.3","%","grain_output","change_pct","exact","2023")]),
 ("全国粮食播种面积17.85亿亩，比上年增加954.6万亩。",
  [("17.85亿亩","1785000000","亩","grain_sown_area","level","exact",""),
   ("954.6万亩","9546000","亩","grain_sown_area","change_abs","exact","")]),
 ("全国建成高标准农田超过10亿亩，农作物耕种收综合机械化率超过73%。",
  [("超过10亿亩","1000000000","亩","high_standard_farmland","level","over",""),
   ("超过73%","73","%","crop_mechanization_rate","share","over","")]),
 ("脱贫县农村居民人均可支配收入达到16396元，增长8.4%。",
  [("16396元","16396","元","per_capita_disposable_income","level","exact",""),
   ("8.4%","8.4","%","per_capita_disposable_income","change_pct","exact","")]),
 ("今年以来，全省累计发放小额信贷资金约36亿元，惠及脱贫户8.6万户。",
  [("约36亿元","3600000000","元","microcredit_issued","level","approx",""),
   ("8.6万户","86000","户","households_benefited","level","exact","")]),
]),
("全省财政收入稳步增长", "本报讯（记者李明）", [
 ("2023年，全省一般公共预算收入4512.6亿元，同比增长9.1%，其中税收收入3120.4亿元。",
  [("4512.6亿元","451260000000","元","general_public_budget_revenue","level","exact","2023"),
   ("9.1%","9.1","%","general_public_budget_revenue","change_pct","exact","2023"),
   ("3120.4亿元","312040000000","元","tax_revenue","level","exact","2023")]),
 ("一般公共预算支出突破1.1万亿元，民生支出占比达76.5%。",
  [("突破1.1万亿元","1100000000000","元","general_public_budget_expenditure","level","over",""),
   ("76.5%","76.5","%","livelihood_spending_share","share","exact","")]),
 ("全年新增减税降费及退税缓费超过800亿元，惠及市场主体近120万户。",
  [("超过800亿元","80000000000","元","tax_and_fee_cuts","level","over",""),
   ("近120万户","1200000","户","market_entities_benefited","level","nearly","")]),
 ("全省发行地方政府专项债券2300亿元，支持重点项目1200余个。",
  [("2300亿元","230000000000","元","local_special_bonds_old_community_renovation","level","exact",""),
   ("1200余个","1200","个","key_projects_supported","level","over","")]),
]),
("城市空气质量持续改善", "本报北京1月25日电（记者寇江泽）", [
 ("2023年，全国339个地级及以上城市平均空气质量优良天数比例为85.5%。",
  [("339个","339","个","cities_monitored","level","exact","2023"),
   ("85.5%","85.5","%","good_air_quality_days_ratio","share","exact","2023")]),
 ("PM2.5平均浓度为30微克/立方米，同比下降3.2%。",
  [("30微克/立方米","30","微克/立方米","pm25_average_concentration","level","exact",""),
   ("3.2%","-3.2","%","pm25_average_concentration","change_pct","exact","")]),
 ("全国地表水Ⅰ—Ⅲ类水质断面比例为89.4%，同比上升1.5个百分点。",
  [("89.4%","89.4","%","good_surface_water_share","share","exact",""),
   ("1.5个百分点","1.5","pp","good_surface_water_share","change_abs","exact","")]),
 ("全国森林覆盖率达到24.02%，完成造林399.8万公顷。",
  [("24.02%","24.02","%","forest_coverage_rate","share","exact",""),
   ("399.8万公顷","3998000","公顷","afforestation_area","level","exact","")]),
 ("全市新增城市绿地面积约1200公顷，建成口袋公园86个。",
  [("约1200公顷","1200","公顷","urban_green_area_added","level","approx",""),
   ("86个","86","个","pocket_parks_built","level","exact","")]),
]),
("春运首日铁路发送旅客超千万人次", "本报北京1月26日电（记者韩鑫）", [
 ("1月26日，全国铁路发送旅客1060.5万人次，计划加开旅客列车1243列。",
  [("1060.5万人次","10605000","人次","railway_passengers","level","exact",""),
   ("1243列","1243","列","extra_trains_added","level","exact","")]),
 ("截至2023年底，全国铁路营业里程达到15.9万公里，其中高铁4.5万公里。",
  [("15.9万公里","159000","公里","railway_mileage","level","exact","2023-12-31"),
   ("4.5万公里","45000","公里","high_speed_railway_mileage","level","exact","2023-12-31")]),
 ("全国公路总里程543万公里，新改建农村公路约16万公里。",
  [("543万公里","5430000","公里","highway_mileage","level","exact",""),
   ("约16万公里","160000","公里","rural_roads_built","level","approx","")]),
 ("全国民航完成旅客运输量6.2亿人次，恢复至2019年的93.9%。",
  [("6.2亿人次","620000000","人次","air_passengers","level","exact",""),
   ("93.9%","93.9","%","air_passengers_recovery_rate","share","exact","")]),
 ("全市新能源公交车已达3200辆，占公交车总数的85%以上。",
  [("3200辆","3200","辆","new_energy_buses","level","exact",""),
   ("85%以上","85","%","new_energy_bus_share","share","over","")]),
]),
("教育事业发展统计公报发布", "本报北京3月1日电（记者张烁）", [
 ("2023年，全国共有各级各类学校49.83万所，各级各类学历教育在校生2.91亿人。",
  [("49.83万所","498300","所","schools","level","exact","2023"),
   ("2.91亿人","291000000","人","students_enrolled","level","exact","2023")]),
 ("全国共有幼儿园27.44万所，比上年减少1.48万所；学前教育毛入园率91.1%。",
  [("27.44万所","274400","所","kindergartens","level","exact",""),
   ("1.48万所","-14800","所","kindergartens","change_abs","exact",""),
   ("91.1%","91.1","%","preschool_gross_enrollment_rate","share","exact","")]),
 ("九年义务教育巩固率95.7%，高中阶段毛入学率91.8%。",
  [("95.7%","95.7","%","compulsory_education_retention_rate","share","exact",""),
   ("91.8%","91.8","%","high_school_gross_enrollment_rate","share","exact","")]),
 ("全国共有专任教师1891.78万人，比上年增加11.42万人。",
  [("1891.78万人","18917800","人","full_time_teachers","level","exact",""),
   ("11.42万人","114200","人","full_time_teachers","change_abs","exact","")]),
 ("今年全省计划新建、改扩建中小学校120所，新增学位8万个。",
  [("120所","120","所","schools_built","level","exact",""),
   ("8万个","80000","个","school_places_added","level","exact","")]),
]),
("卫生健康服务能力不断提升", "本报讯（记者白剑峰）", [
 ("截至2023年末，全国医疗卫生机构总数达107.1万个，床位1017.4万张。",
  [("107.1万个","1071000","个","medical_institutions","level","exact","2023-12-31"),
   ("1017.4万张","10174000","张","hospital_beds","level","exact","2023-12-31")]),
 ("全国卫生技术人员1248.8万人，其中执业（助理）医师478.2万人、注册护士563.7万人。",
  [("1248.8万人","12488000","人","health_technicians","level","exact",""),
   ("478.2万人","4782000","人","licensed_doctors","level","exact",""),
   ("563.7万人","5637000","人","registered_nurses","level","exact","")]),
 ("全国居民人均预期寿命提高到78.6岁，孕产妇死亡率下降到15.1/10万。",
  [("78.6岁","78.6","岁","life_expectancy","level","exact","")]),
 ("全市家庭医生签约服务覆盖重点人群超过80万人，重点人群签约率达到75%。",
  [("超过80万人","800000","人","family_doctor_contracted_people","level","over",""),
   ("75%","75","%","family_doctor_contract_rate","share","exact","")]),
 ("全省累计建成紧密型县域医共体102个，基层诊疗量占比达到62.3%。",
  [("102个","102","个","county_medical_communities","level","exact",""),
   ("62.3%","62.3","%","primary_care_visits_share","share","exact","")]),
]),
("保障性住房建设加快推进", "本报北京2月5日电（记者亓玉昆）", [
 ("2023年，全国保障性租赁住房开工建设和筹集213万套（间），可解决650万新市民、青年人住房困难。",
  [("213万套","2130000","套","affordable_rental_housing_units","level","exact","2023"),
   ("650万","6500000","人","people_housed","level","exact","2023")]),
 ("全国棚户区改造新开工159万套，完成投资超过5000亿元。",
  [("159万套","1590000","套","shantytown_renovation_units","level","exact",""),
   ("超过5000亿元","500000000000","元","old_community_renovation_investment","level","over","")]),
 ("全市累计新开工改造城镇老旧小区326个，惠及居民4.2万户。",
  [("326个","326","个","old_communities_renovation_started","level","exact",""),
   ("4.2万户","42000","户","old_community_renovation_households_benefited","level","exact","")]),
 ("今年以来已加装电梯1560部，增设停车位2.3万个。",
  [("1560部","1560","部","elevators_installed","level","exact",""),
   ("2.3万个","23000","个","parking_spaces_added","level","exact","")]),
]),
("养老服务体系更加健全", "本报讯（记者刘亚）", [
 ("截至2023年底，全国共有各类养老机构和设施40.4万个，养老床位合计823万张。",
  [("40.4万个","404000","个","elderly_care_institutions","level","exact","2023-12-31"),
   ("823万张","8230000","张","elderly_care_beds","level","exact","2023-12-31")]),
 ("全国60岁及以上老年人口29697万人，占全国人口的21.1%。",
  [("29697万人","296970000","人","population_aged_60_plus","level","exact",""),
   ("21.1%","21.1","%","population_aged_60_plus_share","share","exact","")]),
 ("全区建成社区老年食堂45家，日均服务老年人约3000人次。",
  [("45家","45","家","elderly_meal_service_points","level","exact",""),
   ("约3000人次","3000","人次","elderly_meals_served_daily","level","approx","")]),
 ("全市发放高龄津贴1.2亿元，惠及80岁以上老人6.5万名。",
  [("1.2亿元","120000000","元","old_age_allowance_paid","level","exact",""),
   ("6.5万名","65000","名","old_age_allowance_recipients","level","exact","")]),
 ("全省普惠托育服务机构达到2100家，每千人口拥有3岁以下婴幼儿托位3.4个。",
  [("2100家","2100","家","childcare_institutions","level","exact",""),
   ("3.4个","3.4","个","childcare_places_per_1000","level","exact","")]),
]),
("稳就业政策持续发力", "本报讯（记者李心萍）", [
 ("一季度，全市城镇新增就业3.6万人，完成全年目标任务的32%。",
  [("3.6万人","36000","人","new_urban_jobs","level","exact",""),
   ("32%","32","%","annual_target_completion","share","exact","")]),
 ("全省今年组织各类招聘会1200余场，提供就业岗位65万个。",
  [("1200余场","1200","场","job_fairs_held","level","over",""),
   ("65万个","650000","个","jobs_offered","level","exact","")]),
 ("全年开展职业技能培训约45万人次，发放培训补贴3.8亿元。",
  [("约45万人次","450000","人次","vocational_training","level","approx",""),
   ("3.8亿元","380000000","元","training_subsidies_paid","level","exact","")]),
 ("2023届高校毕业生规模达1158万人，同比增加82万人。",
  [("1158万人","11580000","人","college_graduates","level","exact",""),
   ("82万人","820000","人","college_graduates","change_abs","exact","")]),
 ("全省农民工总量达到2150万人，其中外出务工1380万人。",
  [("2150万人","21500000","人","migrant_workers","level","exact",""),
   ("1380万人","13800000","人","migrant_workers_outbound","level","exact","")]),
]),
("社会保障网越织越密", "本报北京2月26日电（记者邱超奕）", [
 ("截至2023年末，全国基本养老保险参保人数10.66亿人，基本医疗保险参保人数13.34亿人。",
  [("10.66亿人","1066000000","人","basic_pension_insured","level","exact","2023-12-31"),
   ("13.34亿人","1334000000","人","basic_medical_insurance_insured","level","exact","2023-12-31")]),
 ("全年基本养老保险基金总收入7.9万亿元，基金总支出7.2万亿元。",
  [("7.9万亿元","7900000000000","元","pension_fund_revenue","level","exact",""),
   ("7.2万亿元","7200000000000","元","pension_fund_expenditure","level","exact","")]),
 ("全国跨省异地就医直接结算1.29亿人次，减少参保群众垫付1536.74亿元。",
  [("1.29亿人次","129000000","人次","cross_province_medical_settlements","level","exact",""),
   ("1536.74亿元","153674000000","元","cross_province_advance_payment_reduction","level","exact","")]),
 ("全省城乡居民基础养老金最低标准提高到每人每月163元。",
  [("163元","163","元","basic_pension_minimum_monthly","level","exact","")]),
 ("失业保险参保人数2.44亿人，工伤保险参保人数3.02亿人。",
  [("2.44亿人","244000000","人","unemployment_insurance_insured","level","exact",""),
   ("3.02亿人","302000000","人","work_injury_insurance_insured","level","exact","")]),
]),
]

# Statistics in headlines: the headline is its own sentence.
HEADLINE_ROWS = {
    "春运首日铁路发送旅客超千万人次":
        [("超千万人次", "10000000", "人次", "railway_passengers", "level", "over", "")],
}


def main():
    with open("corpus.txt", "w", encoding="utf-8") as f:
        for headline, dateline, sents in A:
            f.write(f"## {headline}\n\n{dateline}")
            for i, (s, _) in enumerate(sents):
                f.write(s)
                f.write("\n\n" if i % 2 == 1 else "")
            f.write("\n\n")
    with open("expected.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file", "article_no", "sentence", "surface", "base_value", "unit",
                    "metric", "kind", "qualifier", "period"])
        for no, (headline, _, sents) in enumerate(A, 1):
            for s, rows in [(headline, HEADLINE_ROWS.get(headline, []))] + sents:
                for surface, v, u, m, k, q, p in rows:
                    assert surface in s, surface
                    w.writerow(["corpus.txt", no, s, surface, v, u, m, k, q, p])

main()
