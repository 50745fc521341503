# Kindred's interface in Traditional Chinese (繁體中文), for Hong Kong and Taiwan alike.
# Every message in en.ftl must exist here too, with the same variables (a test checks); en.ftl
# says how the build makes the messages into Rust.

## Phrases: one fixed text each, called as text::<id>() in the app.

app_name = Kindred
# The screens: each one's link in the Main navigation and its heading.
screen_journal = 日記
screen_helpers = 幫手
screen_needs = 需要
screen_share = 分享
screen_insights = 統計
screen_settings = 設定
tagline = 留意身邊的善行，彼此幫忙。
main_nav = 主選單
skip_to_content = 跳到主要內容
update_ready = Kindred 有新版本了。你的資料會保持不變。
reload_to_update = 重新載入以更新
log_a_kindness = 記下一件善行
new_entry = 新增善行
edit_entry = 編輯善行
what_happened = 發生了什麼事
kind_label = 類型
date_label = 日期
person = 人物
category = 類別
no_category = （無）
tags = 標籤
tags_hint = 用逗號或頓號分隔
private_note = 私人備註
private_note_hint = 只有你自己看得到：除非你選擇分享，否則絕不會分享出去。
save = 儲存
cancel = 取消
edit = 編輯
delete = 刪除
undo = 復原
search = 搜尋
journal_entries = 日記列表
no_entries = 這裡還沒有內容。當你留意到一件善行，無論是付出、收到還是見證的，都可以記在這裡。
no_matches = 沒有符合搜尋的日記。
entry_deleted = 已刪除這則日記。
entry_saved = 已儲存這則日記。
fix_the_form = 請檢查表格：
show_more = 顯示更多
filters = 篩選
filter_kind = 按類型篩選
filter_category = 按類別篩選
from_date = 開始日期
to_date = 結束日期
all_kinds = 所有類型
all_categories = 所有類別
clear_filters = 清除篩選
today_panel = 今天
idea_for_today = 今天的小提議
another_idea = 換一個提議
i_did_this = 我做到了
weekly_goal = 每週目標
streaks_label = 連續紀錄
your_year = 你這一年的善行
calendar = 過去 12 個月的日曆
calendar_help = 用方向鍵在日子之間移動。
period_label = 期間
counts_by_kind = 按類型
counts_by_category = 按類別
no_categories_yet = 這段期間沒有已選類別的日記。
add_helper = 新增幫手
new_helper = 新幫手
edit_helper = 編輯幫手
name = 姓名
can_help_with = 可幫忙的事
languages = 語言
languages_hint = 用逗號或頓號分隔，例如：廣東話、英文
days_free = 有空的日子
times_of_day = 時段
availability_label = 有空時間
availability_hint = 其他關於時間的說明，例如：學校假期不行
area = 地區
phone = 電話
email = 電郵
preferred_contact = 慣用聯絡方式
no_preference = 不限
last_contacted = 上次聯絡
helpers_list = 幫手
no_helpers = 還沒有幫手。把可以幫忙的鄰居和義工加進來，並寫下他們能幫什麼。
no_helper_matches = 沒有符合搜尋的幫手。
helper_deleted = 已刪除幫手。
helper_saved = 已儲存幫手。
filter_language = 按語言篩選
filter_day = 按日子篩選
all_languages = 所有語言
any_day = 任何日子
call = 打電話
write = 寄電郵
not_a_link = （不是有效的號碼或地址，所以不是連結）
add_need = 新增需要
new_need = 新的需要
edit_need = 編輯需要
what_is_needed = 需要什麼
for_whom = 幫誰
urgency_label = 緊急程度
their_language = 對方的語言
their_language_hint = 會說這種語言的幫手會優先建議。
needed_by = 最遲日期
follow_up_on = 跟進日期
follow_up_hint = 確認這個需要已經解決的日子。
notes = 備註
needs_list = 需要
no_needs = 告示板上還沒有需要。有鄰居需要幫忙時，就在這裡新增。
need_deleted = 已刪除需要。
need_saved = 已儲存需要。
match_button = 配對
mark_done = 標示完成
reopen = 重新打開
suggested_helpers = 建議的幫手
no_helpers_to_suggest = 名冊裡還沒有其他幫手。
close = 關閉
follow_up_due = 該跟進了
follow_ups_due_heading = 該跟進的需要
open_needs = 打開需要告示板
log_it = 要記在日記裡嗎？
log_as_given = 記為「付出」
log_as_received = 記為「收到」
no_thanks = 不用了
logged_in_journal = 已記在日記裡。
need_done = 已標示完成。
status_label = 狀態
send_heading = 傳給鄰居
send_hint = 選擇要放進檔案的內容。你可以透過訊息、電郵或 USB 手指（隨身碟）把檔案交給鄰居。
what_to_share = 要放進檔案的內容
share_helpers = 幫手名冊
share_needs = 需要告示板
share_journal = 日記
share_private = 私人備註
export = 匯出
share_file = 分享…
nothing_chosen = 請至少選擇一項放進檔案。
take_in_heading = 接收鄰居的檔案
take_in_hint = 選擇一個 Kindred 檔案，或把它拖放到這裡。在你確認之前，什麼都不會改變；之後你也可以復原。
import_file = 匯入檔案
import_preview = 匯入預覽
confirm_import = 確認匯入
cancel_import = 取消匯入
undo_last_import = 復原上次匯入
import_cancelled = 已取消匯入。沒有任何改動。
import_undone = 已復原上次匯入。你的資料已回到匯入前的樣子。
import_nothing_new = 這個檔案的所有內容這裡都已經有了：匯入也不會改變任何東西。
import_no_private = 這個檔案沒有私人備註。你自己的私人備註會保留。
new_records = 新增
updated_records = 已更新
conflicts = 有衝突
conflict_hint = 這些資料的兩個版本都不是從對方改出來的：你和別人各自修改過。請逐項選擇；如果你不選，兩個版本都會保留，先顯示最近修改的那一個，之後可在「分享」的「待處理的衝突」中選擇。
yours = 你的
theirs = 對方的
keep_mine = 保留我的
take_theirs = 採用對方的
keep_both = 兩個都保留
skipped_records = 無法讀取
skip_consent = 略過這些，匯入其餘的
skip_needed = 這個檔案裡有些資料無法讀取。請先勾選方格略過它們，才能確認。
deleted_by_file = 已被對方刪除
other_formats = 其他格式
other_formats_hint = 用於試算表、手機通訊錄、日曆和列印。這些檔案包含私人備註以外的所有內容。
journal_csv = 日記（CSV）
helpers_csv = 幫手（CSV）
needs_csv = 需要（CSV）
helpers_vcard = 幫手存為手機聯絡人（vCard）
follow_ups_ics = 跟進日期存入日曆（ICS）
print_directory = 列印幫手名冊和待處理的需要
open_needs_heading = 待處理的需要
no_follow_ups = 沒有可以放進日曆的跟進日期。
qr_code = QR 碼
qr_hint = 另一部手機的相機可以讀取這個碼，把內容加進那部手機的 Kindred。內容只會由一部手機傳到另一部手機，不會傳到其他地方；私人備註不包括在內。
qr_too_long = 內容太長，無法放進 QR 碼。請改用「分享」頁面上的「匯出」。
display_settings = 語言和顯示
language = 語言
language_of_device = 與這部裝置相同
theme = 顏色
theme_system = 與這部裝置相同
theme_light = 淺色
theme_dark = 深色
large_text = 大字體
large_text_hint = 把所有文字和按鈕放大。
journal_settings = 日記
hide_streaks = 隱藏連續紀錄
hide_streaks_hint = 連續紀錄會計算你連續多少天、多少週都有做善行。有些人會覺得有壓力。
weekly_goal_hint = 你希望每週做多少件善行。
categories = 類別
new_category = 新類別
add_category = 新增類別
category_not_added = 這個類別是空白的，或已經在清單裡。
settings_saved = 已儲存設定。
remove = 移除
download_all_data = 下載所有資料
persistent_storage = 瀏覽器會否妥善保存？
persistent_not_asked = 你寫下第一筆內容後，Kindred 會向瀏覽器提出一次請求。
persistent_granted = 是：瀏覽器不會為了騰出空間而清除 Kindred 的資料。
persistent_refused = 還沒有：如果裝置空間不足，瀏覽器可能會清除 Kindred 的資料。安裝 Kindred 或經常使用，通常就會改變這個情況。請用「下載所有資料」保留備份。
persistent_unknown = 這個瀏覽器沒有說明。請用「下載所有資料」保留備份。
download_all_data_hint = 一個完整的備份檔案，包含 Kindred 在這個瀏覽器裡保存的一切，連無法讀取的文字也包括在內。
your_data = 你的資料
backup_health = 備份狀況
no_copy_yet = 你還未保存過資料的副本。
storage_used_unknown = 這個瀏覽器沒有說明儲存空間用了多少。
backup_reminder = 你已有一段時間沒有保存資料副本。如果手機遺失或瀏覽器被清除，你寫下的一切也會一併消失。請下載全部資料，並把檔案存放在安全的地方，例如你的電郵或電腦。
keep_a_copy = 到設定保存副本
data_lives_here = Kindred 把所有內容都保存在這部裝置的瀏覽器裡。除非你匯出或連接群組資料夾，否則不會傳送到任何地方。
dismiss = 知道了
try_again = 再試一次
download_unreadable = 下載無法讀取的資料
unreadable_found = 有些已儲存的資料無法讀取。
unreadable_kept = Kindred 已用其餘的資料正常啟動。無法讀取的文字會原樣保留，你可以下載來查看，或拿去請人幫忙。
unreadable_not_kept = Kindred 無法把無法讀取的文字另外存放，所以會把它留在原處，也不會覆寫它。
saved_again = 所有變更現已儲存。

# Insights
kindness_per_week = 每週善行
week_of = 週（開始日）
count = 數量
people_heading = 人物
people_hint = 根據你的日記，你最常幫助的人，以及幫助你的人。
you_helped = 你幫過
helped_you = 幫過你
no_people = 這段期間，你的日記裡還沒有記下任何人的名字。
needs_per_month = 每月新增和完成的需要
month = 月份
needs_opened = 新增
needs_done = 完成
no_needs_done = 這段期間沒有完成的需要。
no_kindness_in_period = 這段期間還沒有記下善行。你在日記記下的，會在這裡顯示。
no_needs_in_period = 這段期間沒有新增或完成的需要。
last_6_months = 過去 6 個月
last_12_months = 過去 12 個月

## Messages built from parts: called from the functions in src/text.rs.

save_failed = 你最近的變更無法儲存：{ $why }。變更仍保留在這個分頁裡，請不要關閉它。請到「設定」用「下載所有資料」保留一份副本，或騰出一些空間；每次有變更，Kindred 都會再試一次。
storage_unreadable = Kindred 無法讀取已儲存的資料：{ $why }。在能夠讀取之前，它不會覆寫任何東西。你現在新增的內容會保留在這個分頁裡。
storage_full = 瀏覽器給 Kindred 的儲存空間已滿
storage_blocked = 瀏覽器不讓 Kindred 使用儲存空間（{ $detail }）

urgency_low = 低
urgency_medium = 中
urgency_high = 高
urgency_line = 緊急程度：{ $urgency }

status_open = 待處理
status_matched = 已配對：{ $helpers }
status_done = 已於{ $date }完成
status_done_by = { $helpers }已於{ $date }完成

monday = 星期一
tuesday = 星期二
wednesday = 星期三
thursday = 星期四
friday = 星期五
saturday = 星期六
sunday = 星期日
mon = 週一
tue = 週二
wed = 週三
thu = 週四
fri = 週五
sat = 週六
sun = 週日
jan = 1月
feb = 2月
mar = 3月
apr = 4月
may = 5月
jun = 6月
jul = 7月
aug = 8月
sep = 9月
oct = 10月
nov = 11月
dec = 12月
today = 今天
yesterday = 昨天
# A date in full: "2026年11月2日（週一）". $month is the month's short name above.
full_date = { $year }年{ $month }{ $day }日（{ $weekday }）

morning = 上午
afternoon = 下午
evening = 晚上
# A time of day that comes back every week.
mornings = 上午
afternoons = 下午
evenings = 晚上
list_separator = {"、"}
# $when is days then times of day: "週二、週四 · 上午".
availability = 有空：{ $when }

contact_phone = 打電話
contact_text = 文字訊息
contact_email = 電郵

help_record = { $count ->
    [1] 幫過 1 次，在{ $date }
   *[other] 幫過 { $count } 次，最近一次在{ $date }
}
help_record_none = 尚未幫過任何需要

reason_helps_with = 可幫忙：{ $category }
reason_speaks = 會說{ $language }
reason_free_every = 逢{ $day }有空
reason_free_on = { $day }{ $parts }有空
reason_never_asked = 尚未問過
reason_last_asked = { $days ->
    [0] 今天問過
    [1] 昨天問過
   *[other] { $days } 天前問過
}

qr_label = { $name }的 QR 碼
choose = 選擇{ $name }
follow_ups_due = { $count } 項需要跟進

leave_out_helpers = 幫手名冊
leave_out_needs = 需要告示板
leave_out_journal = 你的日記
leave_out_private = 私人備註
export_holds_everything = 檔案會包含所有內容，包括私人備註。
export_leaves_out = 檔案不會包含：{ $parts }。
import_counts = 新增 { $new } 筆、更新 { $updated } 筆、不變 { $unchanged } 筆、有衝突 { $conflicts } 筆
and_more = ……以及另外 { $count } 項，已計入上面的數目。
file_made_on = 檔案製作於{ $date }
import_refused = 無法匯入這個檔案：{ $why }。沒有任何改動。
# $count chooses the plural (Chinese has one form); $shown is the number as people write it.
imported = 已匯入：變更了 { $count ->
   *[other] { $shown }
} 筆資料。你可以復原這次匯入。

file_too_large = 檔案大小為 { $size } KB；Kindred 只能讀取 { $limit } KB 以內的檔案
file_unreasonable = 第 { $line } 行，第 { $column } 欄：層次太深或數字太大；這不是 Kindred 寫出的檔案
file_not_json = 不是 Kindred 檔案：它不是 JSON 格式（第 { $line } 行，第 { $column } 欄：{ $detail }）
file_truncated = 檔案提早結束：可能沒有完整複製
file_not_kindred = 不是 Kindred 檔案：檔案裡沒有 "format": "kindred-share"
file_newer_version = 這個檔案由較新版本的 Kindred 寫出（檔案格式第 { $found } 版）；這個 Kindred 只能讀取第 { $readable } 版。請先更新 Kindred 再讀取
file_no_version = 檔案沒有註明是哪個版本的格式
file_shape = { $path }：應為 { $expected }
file_duplicate_id = { $path }.id：與 { $first } 的 id 相同；每筆資料只能出現一次
file_empty = 檔案是空的

record_missing = 缺少內容
record_future_date = 是未來的日期
record_not_a_date = 不是日期
record_not_a_phone = 不是電話號碼
record_not_an_email = 不是電郵地址
record_out_of_range = 日期不在 1900 至 2200 年之間
record_impossible_date = 日期不可能正確

kind_given = 付出
kind_received = 收到
kind_witnessed = 見證

problem_required = 請填寫這一項。
problem_future_date = 這個日期在未來。請選擇今天或更早的日子。
problem_not_a_date = 請用「年-月-日」填寫日期，例如 2026-11-23。
problem_not_a_phone = 這不是電話號碼。只可以用數字、空格，以及開頭的 +。
problem_not_an_email = 這不是電郵地址。電郵地址的樣子像 name@example.org。
problem_out_of_range = 請選擇 1900 至 2200 年之間的日期。

# The weekly goal not yet reached: $done is less than $goal.
weekly_progress = 本週已做 { $done } 件善行，目標是 { $goal } 件
# The weekly goal reached or passed: $done is $goal or more.
weekly_goal_reached = 本週已做 { $done } 件善行，已達成每週 { $goal } 件的目標
no_streak_yet = 下次做善行時，就會開始計算連續紀錄。
# Each run is said only when it is not zero, the two joined by " · ".
streak_days = 連續 { $days } 天
streak_weeks = 連續 { $weeks } 週
entries = { $count ->
   *[other] { $shown }
} 則日記
calendar_day = { $date }：{ $count } 件善行

period_this_week = 本週
period_this_month = 本月
period_last_12_months = 過去 12 個月
period_all_time = 所有時間
median_days_to_done = 由新增到完成的時間（中位數）：{ $days } 天
# A month with its year: "2026年11月". $month is the month's short name.
month_year = { $year }年{ $month }

last_copy = { $days ->
    [0] 今天保存了最新的副本。
    [1] 昨天保存了最新的副本。
   *[other] 最新的副本在 { $days } 天前保存。
}
storage_used = 儲存空間：已用 { $percent }%，約剩 { $left } MB。

labelled = { $label }：{ $value }
with_aside = { $name }（{ $aside }）
remove_named = 移除「{ $name }」

## The ideas for today, by their stable id in kindred-core's ideas.rs: idea_<id>.

idea_1 = 叫出同事的名字，感謝他這個星期做的某一件事，說得具體一點。
idea_2 = 泡茶或沖咖啡時，問問身邊的人要不要也來一杯。
idea_3 = 把客人的稱讚轉告給應得的那位同事。
idea_4 = 邀請團隊裡最新來的同事一起吃午飯。
idea_5 = 看到有人卡住了，主動花十分鐘陪他想想辦法。
idea_6 = 告訴某位同事的上司，他曾經怎樣真心幫過你。
idea_7 = 把茶水間水槽裡的杯子洗乾淨，不管是誰留下的。
idea_8 = 下次開會時，問問最安靜的那位同事有什麼想法。
idea_9 = 沿用別人的點子時，當眾說出這是誰想到的，把功勞歸給他。
idea_10 = 每天在樓裡碰面的那個人，今天問問他叫什麼名字。
idea_11 = 在同事的桌上或螢幕上貼一張寫著「謝謝」的便利貼。
idea_12 = 不用別人開口，主動補充影印紙、把水壺裝滿，或把洗好的碗碟收好。
idea_13 = 同事問過你一個問題，你一直拖著沒回答，今天就回覆他。
idea_14 = 默默做一件平常由別人負責的雜務，不必提起。
idea_15 = 照家人喜歡的方式，為他泡一杯最愛的熱飲。
idea_16 = 在飯盒、外套口袋或袋子裡，放一張寫著關心話語的小紙條。
idea_17 = 吃晚飯時把手機放到另一個房間，問問家人今天過得怎樣。
idea_18 = 告訴身邊的一個孩子，你為他的哪一件事感到驕傲，說得具體一點。
idea_19 = 問問家人：「有什麼事我可以替你分擔？」
idea_20 = 在垃圾桶滿出來之前，先把垃圾拿去倒，換上新的垃圾袋。
idea_21 = 有人今天過得很辛苦，為他播一首他最愛的歌。
idea_22 = 寫下你欣賞某人的三個地方，把這張清單送給他。
idea_23 = 讓別人決定看哪部電影、聽什麼音樂，或晚餐吃什麼。
idea_24 = 不是輪到你的時候，也幫忙餵寵物、澆花或遛狗。
idea_25 = 找一張你們一起的開心舊照片，傳給兄弟姊妹或表親。
idea_26 = 為一件你一直想道歉的小事，說聲對不起。
idea_27 = 自己倒垃圾時，順便問問鄰居要不要幫他一起拿去丟。
idea_28 = 向一位還不知道名字的鄰居自我介紹。
idea_29 = 鄰居出門時，主動幫忙代收包裹或澆花。
idea_30 = 打掃自家門口時，順便也掃一掃鄰居的門前。
idea_31 = 在家附近的街上撿起三件垃圾。
idea_32 = 把家裡多出來的東西分給別人，例如自己種的香草、多買的水果或一本好書。
idea_33 = 今天向路上遇到的每一位街坊鄰居說聲早安。
idea_34 = 替後面的人按住電梯或扶著門，和他聊上幾句。
idea_35 = 鄰居正在動手修理或佈置時，借他工具、梯子，或親自幫他一把。
idea_36 = 告訴隔壁的父母，他們的孩子對你有多可愛、多有禮貌。
idea_37 = 在大樓的告示板貼一張字條，說你願意在自己擅長的事上幫忙。
idea_38 = 歡迎剛搬來的鄰居，告訴他附近哪家麵包店或早餐店好吃。
idea_39 = 把向鄰居借的東西還給他，再附上一句謝謝或一份小心意。
idea_40 = 為你會推薦的小店、咖啡店或師傅，寫一則溫暖的好評。
idea_41 = 傳個訊息給老朋友，只是告訴他你想起了他。
idea_42 = 有人正在嘗試新事物，給他留一句鼓勵的話。
idea_43 = 在網上論壇回答陌生人的問題，分享你熟悉的知識。
idea_44 = 向幫過你的免費應用程式、工具或影片的作者道謝。
idea_45 = 在社交平台上，為朋友的小生意、計劃或籌款活動分享一下。
idea_46 = 用語音訊息代替文字，讓對方聽得見你的笑容。
idea_47 = 恭喜別人的好消息，即使你跟他不太熟。
idea_48 = 在網上地圖補上缺少的營業時間，或更正一個錯誤。
idea_49 = 在群組聊天裡，回覆那則沒有人理會的訊息。
idea_50 = 傳一張你知道一定會逗朋友笑的圖片給他。
idea_51 = 寫封電郵給一位影響過你的老師，告訴他這件事。
idea_52 = 回覆一則你忘了回的舊訊息，真心說聲謝謝。
idea_53 = 出門買菜或買日用品前，問問年長的鄰居要不要幫他帶點什麼。
idea_54 = 打電話給祖父母或家中長輩，問問他們年輕時的生活是怎樣的。
idea_55 = 在車站或停車場，主動幫長者提買好的東西。
idea_56 = 幫年長的朋友把手機上的字調大。
idea_57 = 搭車時，微笑著讓座給長者。
idea_58 = 寄一張手寫的明信片給家中長輩。
idea_59 = 向長者請教意見或拿手菜的做法，並用心聆聽。
idea_60 = 敲敲年長鄰居的門，只為打聲招呼，看看他近來好不好。
idea_61 = 排隊結帳時，讓拿著滿滿一籃東西的長者排在你前面。
idea_62 = 主動幫年長的鄰居寄信或拿藥。
idea_63 = 看見長者獨自坐在長椅上或餐廳裡，停下來陪他聊聊天。
idea_64 = 問問附近的安老院或安養中心，住在那裡的長者會不會喜歡收到信或卡片。
idea_65 = 為家中長輩泡一杯茶，坐下來陪他一起喝。

# Many neighbours: versions kept side by side, and a newer Kindred in another tab.
saved_with_conflict = { $saved }同一處在這段時間也在別處被修改過：兩個版本都已保留，可在「分享」的「待處理的衝突」中選擇。
import_undone_partly = 已為 { $count ->
   *[other] { $shown }
} 筆資料復原上次匯入。以下資料在匯入後又被修改過，所以保持不變：{ $names }。
here_now = 目前的內容
after_import = 匯入後
conflicts_waiting_heading = 待處理的衝突
review_conflicts = 檢視衝突
conflicts_waiting = 有 { $count ->
   *[other] { $shown }
} 筆資料有兩個內容不同的版本。在你選擇之前，兩個版本都不會遺失。
no_conflicts_waiting = 沒有待處理的衝突。
version_shown = 目前顯示的
version_other = 另一個版本
keep_shown = 保留目前顯示的版本
keep_other = 保留另一個版本
conflict_settled = 衝突已處理：保留了你選的版本。
updated_elsewhere = Kindred 已在另一個分頁更新。為免覆寫較新的資料，這個分頁不會再儲存任何內容：請先下載這裡的資料，然後重新載入。
reload = 重新載入
storage_updated_elsewhere = 另一個分頁開著較新版本的 Kindred
data_vanished = Kindred 儲存的資料已從這個瀏覽器中移除（網站資料被清除了，可能是在另一個分頁）。這個分頁仍保有它顯示的所有內容，在你選擇之前不會儲存任何東西。
put_back_everything = 從這個分頁全部放回去
reload_without_it = 不放回，重新載入
put_back_done = 這個分頁的所有內容已重新儲存。
find = 尋找
screen_failed = Kindred 在顯示這個畫面時停止了。你的資料仍安全地保存在這個瀏覽器中。
start_again = 重新啟動 Kindred（會開啟「設定」，你可以在那裡下載所有資料）
screen_failed_last_time = Kindred 上次在顯示 { $screen } 時停止了，所以這次改為開啟「設定」。你的資料都在：「下載所有資料」可以保存一份副本。請告訴你們小組負責 Kindred 的人。

# Locked files: a passphrase for share files.
lock_with_passphrase = 用通行句鎖上
passphrase = 通行句
repeat_passphrase = 再輸入一次通行句
suggest_passphrase = 建議一個通行句
lock_hint = 沒有通行句，這個檔案甚麼也透露不了；有了通行句，任何人都能讀。請把通行句寫下來，和檔案分開交給對方，例如在電話裡告訴他。Kindred 不會保留副本：遺失的通行句無法找回。
lock_needs_secure = 鎖上和打開檔案需要安全的網址（以 https:// 開頭）。這個頁面是經由一般的 http 開啟的，所以在這裡只能匯出未鎖上的檔案。
passphrase_empty = 請輸入通行句，或取消勾選「用通行句鎖上」。
passphrases_differ = 兩次輸入的通行句不一樣。請在兩欄輸入相同的通行句。
locking = 正在鎖上檔案……需要幾秒鐘。
lock_failed = 無法鎖上檔案（{ $why }）。沒有匯出任何東西。
locked_file_heading = 鎖上的檔案
locked_file_hint = 這個檔案已鎖上。請輸入鎖上時用的通行句。在你看過內容並確認之前，不會有任何改動。
unlock = 打開
unlocking = 正在打開……需要幾秒鐘。
unlock_failed = 這個通行句打不開檔案，或檔案在鎖上後被改動過。沒有任何改動。
locked_refused = 無法打開這個鎖上的檔案：{ $why }。沒有任何改動。
lock_too_large = 它比 Kindred 寫出的任何檔案都大
lock_damaged = 它已損壞，或在鎖上後被改動過
lock_newer = 它是由較新版本的 Kindred 鎖上的（第 { $found } 版）；請更新 Kindred 後再打開
lock_unknown = 它的鎖法 Kindred 不認識
lock_iterations = 它要求 { $found } 輪金鑰運算，超出 Kindred 接受的範圍（{ $min } 至 { $max }）
restored = 已復原。

# Group folder: syncing through a WebDAV folder the group already has (Settings).
group_folder = 群組資料夾
group_folder_intro = 透過群組已有的資料夾（Nextcloud、ownCloud、NAS 或支援 WebDAV 的網站空間），與群組同步幫手、需要和幫忙的意願。所有資料離開這部手機前都會用群組密語上鎖，管理資料夾的人只看到上鎖的檔案。
folder_address = 資料夾地址
folder_address_hint = Nextcloud 的地址類似 https://cloud.example.org/remote.php/dav/files/ana/Kindred/
user_name = 使用者名稱
password = 密碼
group_passphrase = 群組密語
group_passphrase_hint = 群組每部手機都用同一個密語。用其他密語上鎖的手機檔案會被略過。
remember_on_device = 在這部裝置上記住密碼和密語
remember_hint = 這樣它們會存在這個瀏覽器的儲存空間，任何能使用這部已解鎖手機的人都可能找到。不勾選的話，每次打開 Kindred 都要再輸入。
sync_journal = 也同步我的日記
sync_journal_hint = 幫手、需要、幫忙的意願和探訪名單一定會送到資料夾。私人備註永遠不會。
connect = 連接
sync_now = 立即同步
disconnect = 中斷連接
disconnected = 已中斷連接。你的資料留在這部手機，資料夾裡的檔案也保留。
sync_status = 同步狀態
folder_not_connected = 未連接群組資料夾。
folder_needs_secrets = 請輸入密碼和群組密語，這次使用時才能同步。
syncing = 正在同步…
never_synced = 尚未同步。
folder_address_invalid = 資料夾地址：請輸入以 https:// 開頭的地址（http:// 只限這部電腦）。
folder_field_missing = 請填寫資料夾地址、使用者名稱、密碼和群組密語。
why_offline = 這部手機沒有連上網絡
why_unreachable = 無法連到資料夾：伺服器可能停了，或地址有誤
why_wrong_login = 使用者名稱或密碼不對，或這個使用者不能使用這個資料夾
why_full = 資料夾已滿：需要由管理的人騰出空間
why_not_webdav = 這個地址不是 WebDAV 資料夾。Nextcloud 的地址類似 https://cloud.example.org/remote.php/dav/files/使用者/資料夾/
why_no_such_folder = 上一層資料夾不存在：請檢查地址
why_busy = 你的另一個分頁或手機同時不斷在寫入
why_cannot_lock = 這個瀏覽器無法為檔案上鎖
connected_to = 已連接 { $address }。
synced_at = 上次同步：{ $time }。
sync_failed = 無法同步：{ $why }。
sync_retry = { $minutes ->
   *[other] Kindred 會在 { $minutes } 分鐘後再試。
}
why_not_allowed = 資料夾的伺服器不允許這個網站。管理的人要允許 { $origin }（CORS 標頭：見 Kindred 的 README）
why_server = 資料夾回覆了錯誤（{ $status }）
folder_other_site = 資料夾地址：這個 Kindred 只能連到自己的網站 { $origin }。要用其他網站的資料夾，Kindred 需要為該網站建置（見 README 的「Group folder」）。
sync_conflicts = { $count ->
   *[other] 有 { $count } 筆紀錄的版本不同：請在「檢視衝突」中選擇。
}
folder_file_other_passphrase = 檔案 { $file } 用了另一個密語上鎖：已略過。
folder_file_unreadable = 無法讀取檔案 { $file }：已略過，檔案保持原樣。
folder_file_records_skipped = { $count ->
   *[other] { $file } 中有 { $count } 筆紀錄無法收錄。
}

# Care rounds: checking on neighbours in storms and heat, repeating needs, calendar reminders.
screen_checkins = 關懷探訪
checkins_intro = 颱風信號或酷熱天氣警告生效時，致電或探訪名單上的人，記下每一位的情況。未聯絡上的人會留在最上面。
your_name = 你的名字
your_name_hint = 會顯示在你記下的每次探訪旁邊，讓其他人知道是誰打的電話。
start_a_round = 開始一輪探訪
round_reason = 原因
round_reason_hint = 例如「八號烈風或暴風信號」或「酷熱天氣警告」。
round_needs_people = 請先加入要關顧的人：每輪探訪會關顧名單上的每一位。
people_to_check_on = 要關顧的人
no_people_to_check_on = 名單上還沒有人。請加入你們小組要關顧的人。
add_person_to_check_on = 加入要關顧的人
new_person_to_check_on = 新的關顧對象
edit_person_to_check_on = 修改關顧對象
address = 地址
emergency_contact = 緊急聯絡人
emergency_contact_hint = 聯絡不上這位時可以致電的人：姓名和電話。
person_saved = 已儲存。
person_deleted = 已刪除。
date_and_time = { $date } { $time }
round_started_by = { $when } 由 { $name } 開始
round_started = { $when } 開始
round_summary = { $ok } 人平安 · { $not_reached } 人未聯絡上 · { $needs_help } 人需要幫助
people_in_round = 這一輪要關顧的人
answer_ok = 平安
answer_needs_help = 需要幫助
answer_no_answer = 無人回應
standing_not_asked = 還未聯絡上
standing_marked_by = { $answer }，{ $when }，{ $name } 記錄
standing_marked = { $answer }，{ $when }
tries = 試了 { $count } 次
marked_as = { $name }：{ $answer }。
close_round = 結束這一輪
round_closed = 這一輪已結束。
round_closed_at = { $when } 結束
round_all_ok = 各人平安：這一輪已自動結束。
past_rounds = 過往的探訪
no_past_rounds = 還沒有過往的探訪。
see_the_need = 在需要告示板上查看
checkin_need_what = 探訪後 { $name } 需要幫助（{ $reason }）
checkin_need_phone = 電話：{ $phone }
print_round_sheet = 列印探訪表
round_sheet_heading = 探訪：{ $reason }
sheet_marked_by = 記錄人
sheet_time = 時間
share_check_ins = 關懷探訪（名單和每輪探訪）
leave_out_check_ins = 關懷探訪
repeats = 重複
repeats_never = 不重複
repeats_week = 每星期
repeats_two_weeks = 每兩星期
repeats_month = 每月
repeats_hint = 重複的需要從「最遲日期」起計。標記完成後，會開啟下一次。
repeats_next = { $every }：下一次在 { $date }
skip_this_one = 跳過這一次
skipped_to = 已跳過：下一次在 { $date }。
next_opened = 已完成。下一次已開啟，在 { $date }。
reminders = 提醒
reminder_time = 每日提醒的時間
reminder_hint = Kindred 不能自己響鬧：沒有伺服器，甚麼都傳不到手機。這個檔案會在你手機的日曆裡加入每日一次、附有鬧鐘的活動；請在下載中打開它。
add_daily_reminder = 在我的日曆加入每日提醒
reminder_summary = Kindred：行善的時間
reminder_description = 在 Kindred 記下一件善事，或看看需要告示板和關懷探訪。
reminder_downloaded = 已下載日曆檔案。打開它便可加入提醒。
commitments_ics = 承諾加到日曆

# Face to face: two phones exchange what they share by showing each other a code.
face_to_face_heading = 面對面
face_to_face_hint = 兩部手機放在一起，不用上網、不經任何伺服器，就能交換分享的資料：一部顯示代碼，另一部掃描後顯示自己的代碼，第一部再掃描它。兩部手機要連上同一個 Wi-Fi，或一部連上另一部的熱點。傳送的內容依照上面的選擇；私人筆記永遠不會這樣傳送。
start_face_to_face = 開始面對面同步
scan_a_code = 掃描代碼
stop_face_to_face = 停止面對面同步
your_code = 你的代碼
ftf_preparing = 正在準備這部手機… Kindred 現在會要求使用相機，稍後用來讀取另一部手機的代碼。
ftf_show_opening = 把這個代碼給另一部手機看，對方按「掃描代碼」。然後在這裡按「掃描代碼」，用這部手機的相機對準對方回傳的代碼。
ftf_reading = 正在讀取代碼…
ftf_show_answer = 現在讓第一部手機掃描這個代碼。
ftf_scanning = 把相機對準另一部手機的代碼，大約一個手臂的距離。
ftf_camera = 相機
ftf_connecting = 正在連接另一部手機…
ftf_exchanging = 已連接。兩部手機正在交換分享的資料…
ftf_received = 全部收到了。請看下面的匯入預覽：你確認之前，甚麼都不會匯入。
ftf_compare = 請確認另一部手機顯示同一個號碼
ftf_show_text = 以文字顯示這個代碼
ftf_code_as_text = 你的代碼（文字）
ftf_paste_summary = 沒有相機？貼上文字代碼
ftf_paste_label = 文字代碼
ftf_use_code = 使用這個代碼
ftf_camera_refused = Kindred 未獲准使用相機。你可以在瀏覽器的網站設定中允許，或在下面貼上另一部手機的文字代碼。也可以用檔案：在一部手機按「匯出」，再在另一部按「匯入檔案」。
ftf_camera_absent = 這部手機在這裡沒有 Kindred 可用的相機。請在下面貼上另一部手機的文字代碼，或用檔案：在一部手機按「匯出」，再在另一部按「匯入檔案」。
ftf_not_a_code = 這不是 Kindred 的面對面代碼。請掃描另一部手機按「開始面對面同步」後顯示的代碼。
ftf_other_version = 這個代碼來自另一個版本的 Kindred（面對面第 { $found } 版）。請在兩部手機上更新 Kindred，或改用檔案。
ftf_damaged_code = 這個代碼已損壞或不完整。請再掃描一次，或再完整貼上一次。
ftf_older_pairing = 這個代碼回應的是這部手機較早的代碼。請在另一部手機再按「掃描代碼」，掃描這部手機現在顯示的代碼。
ftf_expected_answer = 這是另一部手機的第一個代碼，不是它的回應。請讓另一部手機掃描這部手機的代碼，再掃描它回傳的代碼。
ftf_expected_opening = 這個代碼是回應其他手機的。請掃描另一部手機按「開始面對面同步」後顯示的代碼。
ftf_own_code = 這是這部手機自己的代碼。請掃描另一部手機上的代碼。
ftf_no_connection = 兩部手機連不上對方。它們要在同一個網絡上，而訪客 Wi-Fi 常會把手機隔開。請在一部手機開啟熱點，用另一部連上，然後重新開始。或者用檔案：在一部手機按「匯出」，再在另一部按「匯入檔案」。
ftf_stopped = 另一部手機在全部傳完之前停止了。甚麼都沒有匯入。
ftf_garbage = 另一部手機傳來的內容 Kindred 無法讀取。甚麼都沒有匯入。
ftf_failed = 這部手機無法開始面對面同步。請改用檔案：在一部手機按「匯出」，再在另一部按「匯入檔案」。

# For a person on a phone (issue 20): drafts kept, asking before typed text is thrown away.
draft_brought_back = 你之前輸入的內容已經找回。未寫完的表格會保存在這個瀏覽器內，直到你儲存或捨棄為止。
discard_question = 要捨棄你輸入的內容嗎？
discard = 捨棄
keep_editing = 繼續編輯

# Match: the day fit, the best five first, and contact links on a matched need.
reason_not_free_on = 逢{ $day }沒空（{ $days }有空）
reason_days_not_given = 未說明{ $day }是否有空
# Shown only when there are more than five; $shown is $count as people write it.
show_all_helpers = 顯示全部 { $count ->
    [one] 1 位幫手
   *[other] { $shown } 位幫手
}
call_helper = 打電話給{ $name }
email_helper = 寄電郵給{ $name }

# The needs board: urgency seen at a glance, and how near the day is.
urgent = 緊急
needed_in = { $days ->
    [1] 明天
   *[other] { $days } 天後
}
needed_late = { $days ->
    [one] 遲了 1 天
   *[other] 遲了 { $days } 天
}

# The needs board's search and choice of open or done.
show_needs = 顯示
showing_all = 全部
showing_open = 未完成
showing_done = 已完成
no_need_matches = 沒有符合搜尋的需要。

# The status line at the foot of the screen.
hide_message = 隱藏訊息

# A first visit: what Kindred is, and that nothing leaves the device.
welcome_heading = 歡迎使用 Kindred
welcome_what = Kindred 是一本日記，記下你付出、得到和看見的善行；也列出可以幫忙的街坊，以及大家需要甚麼。
welcome_private = 你寫的一切都只留在這部裝置上。除非你選擇分享，否則甚麼都不會離開。

# Settings: a category removed can be put back.
category_removed = 已移除類別：{ $name }

# The calendar a month at a time, on a phone.
previous_month = 上個月
next_month = 下個月

# At the foot of a long list.
back_to_top = 返回頁首

# Offers: a helper says "I can help" with a need, and whoever matches chooses from the offers.
i_can_help = 我可以幫忙
offer_form_heading = 表示願意幫忙
offer_name_hint = Kindred 會在這部手機記住這個名字，下次表示幫忙時自動填上，也會顯示在你記下的探訪旁邊。
when_can_you_help = 你甚麼時候可以幫忙？
when_can_you_help_hint = 可以留空。用你自己的話寫，例如「星期二三點後」。
send_offer = 送出
offer_sent = 已送出。其他人收到分享檔案，或經群組資料夾同步後，就會看到。
withdraw_my_offer = 撤回我的幫忙
offer_withdrawn = 已撤回。
offer_need_done = 這項需要剛剛已標示完成，不再接受幫忙。
offer_need_gone = 這項需要已不在告示板上。
offers_heading = 願意幫忙的人
offers_line = 願意幫忙：{ $offers }
offer_in_directory = 名冊中的{ $name }。
offer_not_in_directory = 尚未在名冊中：接受後會把{ $name }加為幫手。
accept_offer = 接受{ $name }的幫忙
offer_from = { $name }表示願意幫忙

# Face to face: the code reader, loaded when a scan starts, could not start.
ftf_reader_failed = 相機可以用，但 Kindred 無法在這部手機上開始讀取代碼。重新載入頁面也許有幫助。現在可以先在下面貼上另一部手機的文字代碼，或用檔案：在一部手機按「匯出」，再在另一部按「匯入檔案」。

# For a person on a phone (issue 20): a compact helper list, a short helper form, where an export went.
helper_details = 詳情
more_details = 更多資料
# $file is the file's name, as the browser saved it: "kindred-2026-12-02.json".
exported_to = 檔案已匯出：{ $file }。可在「下載」資料夾，或這個瀏覽器存放下載檔案的地方找到。
locked_exported_to = 鎖上的檔案已匯出：{ $file }。可在「下載」資料夾，或這個瀏覽器存放下載檔案的地方找到。請另外把通行句交給對方。

# A form's half-written text could not be kept in the browser (issue 20: a failed draft is said). $why as in save_failed.
draft_not_kept = 你正在輸入的內容未能保存在這個瀏覽器：{ $why }。內容仍在打開的表格中：離開或重新載入這個頁面之前，請先儲存。

# The title of a follow-up day in the calendar file; $need is what is needed and for whom: "A ride (Mrs Lee)".
follow_up_event = 跟進：{ $need }

# A need's status in the table of two versions, where its helpers and day are rows of their own.
status_matched_alone = 已配對
status_done_alone = 已完成
# A repeating need's first date, in the table of two versions: "from Tue 1 Dec 2026".
repeats_from = 由{ $date }起
