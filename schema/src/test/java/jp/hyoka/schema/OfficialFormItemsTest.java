package jp.hyoka.schema;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static jp.hyoka.schema.LabelKeys.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every item of the official section trees is in the form files: DOMAIN.md §1.2 (cover), §1.3 (全項目), §1.4 (重点) and
 * §1.5 (基礎) are transcribed below as data — section number, block number and circled item number, and the label as
 * DOMAIN prints it — and each must be found, in every revision of its kind, as a section, block, block heading, item
 * or item heading with the same number path and the same label key ({@link LabelKeys#key}). "※" after a label means
 * the item (or every item of the block) is marked {@code importantChange}; "[sel]" / "[multi]" give its type. The
 * single selections of §2.1 (with §3.3 for しきい値判断結果) must carry exactly their option lists, in order.
 *
 * <p>Number paths: "-" is the 表紙 (no number); repeat-entry tokens (システムN, 委託事項N, 提供先N, 移転先N) are not
 * part of a path; risks are "III 2 リスク1" (全項目 blocks) or "III 3 リスク1" from the heading over a 重点 risk's first
 * item ("リスク1: …"; "リスク: …" is "III 2 リスク"). Where DOMAIN abbreviates a label ("…", "500人以上か"), the wording of
 * the samples or the 記載要領 is written out and marked in a comment; 基礎 §1.5 is [I] and gives no numbers for Ⅳ, so
 * those are the published 様式's order (8. 人手を介在させる作業 … 11. 最も優先度が高いと考えられる対策, [U]).
 */
class OfficialFormItemsTest {

    private static final String COVER = """
            - | 表紙
            - | 評価書番号
            - | 評価書名
            - | 個人のプライバシー等の権利利益の保護の宣言
            - | 特記事項
            - | 評価実施機関名
            - | 公表日
            """;

    /** I 2 and I 3, the same in 全項目 and 重点 (§1.3, §1.4). */
    private static final String SYSTEMS = """
            I 2 | 特定個人情報ファイルを取り扱う事務において使用するシステム
            I 2 ① | システムの名称
            I 2 ② | システムの機能
            I 2 ③ | 他のシステムとの接続 [multi]
            I 3 | 特定個人情報ファイル名
            """;

    /** II 1 to II 3 ②, the same in 全項目 and 重点. */
    private static final String FILE_BASICS = """
            II | 特定個人情報ファイルの概要
            II 1 | 特定個人情報ファイル名
            II 2 | 基本情報
            II 2 ① | ファイルの種類 ※ [sel]
            II 2 ② | 対象となる本人の数 [sel]
            II 2 ③ | 対象となる本人の範囲 ※
            II 2 ③ | その必要性
            II 2 ④ | 記録される項目 [sel]
            II 2 ④ | 主な記録項目 ※ [multi]
            II 2 ④ | その妥当性
            II 2 ④ | 全ての記録項目
            II 2 ⑤ | 保有開始日
            II 2 ⑥ | 事務担当部署
            II 3 | 特定個人情報の入手・使用
            II 3 ① | 入手元 ※ [multi]
            II 3 ② | 入手方法 [multi]
            """;

    /** II 5: 提供先N and 移転先N ①..⑦ ("same ①..⑦ with 移転… wording"; ① and ⑦ printed alike for both). */
    private static final String PROVISION_TRANSFER = """
            II 5 | 特定個人情報の提供・移転(委託に伴うものを除く。)
            II 5 | 提供・移転の有無 [multi]
            II 5 ① | 法令上の根拠
            II 5 ② | 提供先における用途
            II 5 ③ | 提供する情報
            II 5 ④ | 提供する情報の対象となる本人の数 [sel]
            II 5 ⑤ | 提供する情報の対象となる本人の範囲
            II 5 ⑥ | 提供方法 [multi]
            II 5 ⑦ | 時期・頻度
            II 5 ② | 移転先における用途
            II 5 ③ | 移転する情報
            II 5 ④ | 移転する情報の対象となる本人の数 [sel]
            II 5 ⑤ | 移転する情報の対象となる本人の範囲
            II 5 ⑥ | 移転方法 [multi]
            """;

    /** §1.2 and §1.3. */
    private static final String ALL_ITEMS = COVER + """
            - | 個人情報保護委員会 承認日【行政機関等のみ】
            I | 基本情報
            I 1 | 特定個人情報ファイルを取り扱う事務
            I 1 ① | 事務の名称
            I 1 ② | 事務の内容 ※
            I 1 ③ | 対象人数 [sel]
            """ + SYSTEMS + """
            I 4 | 特定個人情報ファイルを取り扱う理由
            I 4 ① | 事務実施上の必要性
            I 4 ② | 実現が期待されるメリット
            I 5 | 個人番号の利用 ※
            I 5 | 法令上の根拠
            I 6 | 情報提供ネットワークシステムによる情報連携 ※
            I 6 ① | 実施の有無 [sel]
            I 6 ② | 法令上の根拠
            I 7 | 評価実施機関における担当部署
            I 7 ① | 部署
            I 7 ② | 所属長の役職名
            I 8 | 他の評価実施機関
            (別添1) | 事務の内容
            (別添1) | (備考)
            """ + FILE_BASICS + """
            II 3 ③ | 入手の時期・頻度
            II 3 ④ | 入手に係る妥当性
            II 3 ⑤ | 本人への明示
            II 3 ⑥ | 使用目的 ※
            II 3 ⑥ | 変更の妥当性
            II 3 ⑦ | 使用の主体
            II 3 ⑦ | 使用部署 ※
            II 3 ⑦ | 使用者数 [sel]
            II 3 ⑧ | 使用方法 ※
            II 3 ⑧ | 情報の突合 ※
            II 3 ⑧ | 情報の統計分析 ※
            II 3 ⑧ | 権利利益に影響を与え得る決定 ※
            II 3 ⑨ | 使用開始日
            II 4 | 特定個人情報ファイルの取扱いの委託
            II 4 | 委託の有無 ※ [sel]
            II 4 ① | 委託内容
            II 4 ② | 取扱いを委託する特定個人情報ファイルの範囲 [sel]
            II 4 ② | 対象となる本人の数 [sel]
            II 4 ② | 対象となる本人の範囲
            II 4 ② | その妥当性
            II 4 ③ | 委託先における取扱者数 [sel]
            II 4 ④ | 委託先における特定個人情報ファイルの取扱いの方法 [multi]
            II 4 ⑤ | 委託先名の確認方法
            II 4 ⑥ | 委託先名
            II 4 ⑦ | 再委託
            II 4 ⑦ | 再委託の有無 ※ [sel]
            II 4 ⑧ | 再委託の許諾方法
            II 4 ⑨ | 再委託事項
            """ + PROVISION_TRANSFER + """
            II 6 | 特定個人情報の保管・消去
            II 6 ① | 保管場所 ※
            II 6 ② | 保管期間
            II 6 ② | 期間 [sel]
            II 6 ② | その妥当性
            II 6 ③ | 消去方法
            II 7 | 備考
            (別添2) | 特定個人情報ファイル記録項目
            III | 特定個人情報ファイルの取扱いプロセスにおけるリスク対策
            III 1 | 特定個人情報ファイル名
            III 2 | 特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)
            III 2 リスク1 | 目的外の入手が行われるリスク
            III 2 リスク1 | 対象者以外の情報の入手を防止するための措置の内容 ※
            III 2 リスク1 | 必要な情報以外を入手することを防止するための措置の内容 ※
            III 2 リスク1 | その他の措置の内容 ※
            III 2 リスク1 | リスクへの対策は十分か ※ [sel]
            III 2 リスク2 | 不適切な方法で入手が行われるリスク
            III 2 リスク2 | リスクに対する措置の内容 ※
            III 2 リスク2 | リスクへの対策は十分か ※ [sel]
            III 2 リスク3 | 入手した特定個人情報が不正確であるリスク
            III 2 リスク3 | 入手の際の本人確認の措置の内容 ※
            III 2 リスク3 | 個人番号の真正性確認の措置の内容 ※
            III 2 リスク3 | 特定個人情報の正確性確保の措置の内容 ※
            III 2 リスク3 | その他の措置の内容 ※
            III 2 リスク3 | リスクへの対策は十分か ※ [sel]
            III 2 リスク4 | 入手の際に特定個人情報が漏えい・紛失するリスク
            III 2 リスク4 | リスクに対する措置の内容 ※
            III 2 リスク4 | リスクへの対策は十分か ※ [sel]
            III 2 | 特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)におけるその他のリスク及びそのリスクに対する措置 ※
            III 3 | 特定個人情報の使用
            III 3 リスク1 | 目的を超えた紐付け、事務に必要な情報との紐付けが行われるリスク
            III 3 リスク1 | 宛名システム等における措置の内容 ※
            III 3 リスク1 | 事務で使用するその他のシステムにおける措置の内容 ※
            III 3 リスク1 | その他の措置の内容 ※
            III 3 リスク1 | リスクへの対策は十分か ※ [sel]
            III 3 リスク2 | 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスク
            III 3 リスク2 | ユーザ認証の管理 ※ [sel]
            III 3 リスク2 | アクセス権限の発効・失効の管理 ※ [sel]
            III 3 リスク2 | アクセス権限の管理 ※ [sel]
            III 3 リスク2 | 特定個人情報の使用の記録 ※ [sel]
            III 3 リスク2 | 具体的な管理方法 ※
            III 3 リスク2 | 具体的な方法 ※
            III 3 リスク2 | その他の措置の内容 ※
            III 3 リスク2 | リスクへの対策は十分か ※ [sel]
            III 3 リスク3 | 従業者が事務外で使用するリスク
            III 3 リスク3 | リスクに対する措置の内容 ※
            III 3 リスク3 | リスクへの対策は十分か ※ [sel]
            III 3 リスク4 | 特定個人情報ファイルが不正に複製されるリスク
            III 3 リスク4 | リスクに対する措置の内容 ※
            III 3 リスク4 | リスクへの対策は十分か ※ [sel]
            III 3 | 特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置 ※
            III 4 | 特定個人情報ファイルの取扱いの委託
            III 4 | 委託しない ※ [multi]
            III 4 リスク | 委託先による特定個人情報の不正入手・不正な使用に関するリスク
            III 4 リスク | 委託先による特定個人情報の不正な提供に関するリスク
            III 4 リスク | 委託先による特定個人情報の保管・消去に関するリスク
            III 4 リスク | 委託契約終了後の不正な使用等のリスク
            III 4 リスク | 再委託に関するリスク
            III 4 | 情報保護管理体制の確認 ※
            III 4 | 特定個人情報ファイルの閲覧者・更新者の制限 ※ [sel]
            III 4 | 具体的な制限方法 ※
            III 4 | 特定個人情報ファイルの取扱いの記録 ※ [sel]
            III 4 | 具体的な方法 ※
            III 4 | 特定個人情報の提供ルール ※ [sel]
            III 4 | 委託先から他者への提供に関するルールの内容及びルール遵守の確認方法 ※
            III 4 | 委託元と委託先間の提供に関するルールの内容及びルール遵守の確認方法 ※
            III 4 | 特定個人情報の消去ルール ※ [sel]
            III 4 | ルール内容及びルール遵守の確認方法 ※
            III 4 | 委託契約書中の特定個人情報ファイルの取扱いに関する規定 ※ [sel]
            III 4 | 規定の内容 ※
            III 4 | 再委託先による特定個人情報ファイルの適切な取扱いの確保 ※ [sel]
            III 4 | その他の措置の内容 ※
            III 4 | リスクへの対策は十分か ※ [sel]
            III 4 | 特定個人情報ファイルの取扱いの委託におけるその他のリスク及びそのリスクに対する措置 ※
            III 5 | 特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)
            III 5 | 提供・移転しない ※ [multi]
            III 5 リスク1 | 不正な提供・移転が行われるリスク
            III 5 リスク1 | 特定個人情報の提供・移転の記録 ※ [sel]
            III 5 リスク1 | 特定個人情報の提供・移転に関するルール ※ [sel]
            III 5 リスク1 | リスクへの対策は十分か ※ [sel]
            III 5 リスク2 | 不適切な方法で提供・移転が行われるリスク
            III 5 リスク2 | リスクに対する措置の内容 ※
            III 5 リスク2 | リスクへの対策は十分か ※ [sel]
            III 5 リスク3 | 誤った情報を提供・移転してしまうリスク、誤った相手に提供・移転してしまうリスク
            III 5 リスク3 | リスクに対する措置の内容 ※
            III 5 リスク3 | リスクへの対策は十分か ※ [sel]
            III 5 | 特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)におけるその他のリスク及びそのリスクに対する措置 ※
            III 6 | 情報提供ネットワークシステムとの接続
            III 6 | 接続しない ※ [multi]
            III 6 リスク1 | 目的外の入手が行われるリスク
            III 6 リスク2 | 安全が保たれない方法によって入手が行われるリスク
            III 6 リスク3 | 入手した特定個人情報が不正確であるリスク
            III 6 リスク4 | 入手の際に特定個人情報が漏えい・紛失するリスク
            III 6 リスク5 | 不正な提供が行われるリスク
            III 6 リスク6 | 不適切な方法で提供されるリスク
            III 6 リスク7 | 誤った情報を提供してしまうリスク、誤った相手に提供してしまうリスク
            III 6 リスク1 | リスクに対する措置の内容 ※
            III 6 リスク1 | リスクへの対策は十分か ※ [sel]
            III 6 リスク2 | リスクに対する措置の内容 ※
            III 6 リスク2 | リスクへの対策は十分か ※ [sel]
            III 6 リスク3 | リスクに対する措置の内容 ※
            III 6 リスク3 | リスクへの対策は十分か ※ [sel]
            III 6 リスク4 | リスクに対する措置の内容 ※
            III 6 リスク4 | リスクへの対策は十分か ※ [sel]
            III 6 リスク5 | リスクに対する措置の内容 ※
            III 6 リスク5 | リスクへの対策は十分か ※ [sel]
            III 6 リスク6 | リスクに対する措置の内容 ※
            III 6 リスク6 | リスクへの対策は十分か ※ [sel]
            III 6 リスク7 | リスクに対する措置の内容 ※
            III 6 リスク7 | リスクへの対策は十分か ※ [sel]
            III 6 | 情報提供ネットワークシステムとの接続に伴うその他のリスク及びそのリスクに対する措置 ※
            III 7 | 特定個人情報の保管・消去
            III 7 リスク1 | 特定個人情報の漏えい・滅失・毀損リスク
            III 7 リスク1 ① | NISC政府機関統一基準群 ※ [sel]
            III 7 リスク1 ② | 安全管理体制 ※ [sel]
            III 7 リスク1 ③ | 安全管理規程 ※ [sel]
            III 7 リスク1 ④ | 安全管理体制・規程の職員への周知 ※ [sel]
            III 7 リスク1 ⑤ | 物理的対策 ※ [sel]
            III 7 リスク1 ⑥ | 技術的対策 ※ [sel]
            III 7 リスク1 ⑦ | バックアップ ※ [sel]
            III 7 リスク1 ⑧ | 事故発生時手順の策定・周知 ※ [sel]
            III 7 リスク1 ⑨ | 過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか [sel]
            III 7 リスク1 ⑩ | 死者の個人番号 ※ [sel]
            III 7 リスク1 | リスクへの対策は十分か ※ [sel]
            III 7 リスク2 | 特定個人情報が古い情報のまま保管され続けるリスク
            III 7 リスク2 | リスクに対する措置の内容 ※
            III 7 リスク2 | リスクへの対策は十分か ※ [sel]
            III 7 リスク3 | 特定個人情報が消去されずいつまでも存在するリスク
            III 7 リスク3 | 消去手順 ※ [sel]
            III 7 リスク3 | 手順の内容 ※
            III 7 リスク3 | リスクへの対策は十分か ※ [sel]
            III 7 | 特定個人情報の保管・消去におけるその他のリスク及びそのリスクに対する措置 ※
            IV | その他のリスク対策 ※
            IV 1 | 監査
            IV 1 ① | 自己点検 [sel]
            IV 1 ① | 具体的なチェック方法
            IV 1 ② | 監査 [sel]
            IV 1 ② | 具体的な内容
            IV 2 | 従業者に対する教育・啓発
            IV 2 | 従業者に対する教育・啓発 [sel]
            IV 2 | 具体的な方法
            IV 3 | その他のリスク対策
            V | 開示請求、問合せ
            V 1 | 特定個人情報の開示・訂正・利用停止請求
            V 1 ① | 請求先
            V 1 ② | 請求方法
            V 1 ② | 特記事項
            V 1 ③ | 手数料等 [sel]
            V 1 ③ | 手数料額、納付方法
            V 1 ④ | 個人情報ファイル簿の公表 [sel]
            V 1 ④ | 個人情報ファイル名
            V 1 ④ | 公表場所
            V 1 ⑤ | 法令による特別の手続
            V 1 ⑥ | 個人情報ファイル簿への不記載等
            V 2 | 特定個人情報ファイルの取扱いに関する問合せ
            V 2 ① | 連絡先
            V 2 ② | 対応方法
            VI | 評価実施手続
            VI 1 | 基礎項目評価
            VI 1 ① | 実施日
            VI 1 ② | しきい値判断結果 [sel]
            VI 2 | 国民・住民等からの意見の聴取
            VI 2 ① | 方法
            VI 2 ② | 実施日・期間
            VI 2 ③ | 期間を短縮する特段の理由
            VI 2 ④ | 主な意見の内容
            VI 2 ⑤ | 評価書への反映
            VI 3 | 第三者点検
            VI 3 ① | 実施日
            VI 3 ② | 方法
            VI 3 ③ | 結果
            VI 4 | 個人情報保護委員会の承認【行政機関等のみ】
            VI 4 ① | 提出日
            VI 4 ② | 個人情報保護委員会による審査
            (別紙) | 個人情報に関する重大事故について
            """;

    /** §1.2 and §1.4 (risk sub-items: §1.4 "Each リスク block", §2.1 #14, #22, #23, #25, #37, #38). */
    private static final String KEY_ITEMS = COVER + """
            I | 基本情報
            I 1 | 特定個人情報ファイルを取り扱う事務
            I 1 ① | 事務の名称
            I 1 ② | 事務の内容
            I 1 ③ | 対象人数 [sel]
            """ + SYSTEMS + """
            I 4 | 個人番号の利用 ※
            I 4 | 法令上の根拠
            I 5 | 情報提供ネットワークシステムによる情報連携 ※
            I 5 ① | 実施の有無 [sel]
            I 5 ② | 法令上の根拠
            I 6 | 評価実施機関における担当部署
            I 6 ① | 部署
            I 6 ② | 所属長の役職名
            I 7 | 他の評価実施機関
            """ + FILE_BASICS + """
            II 3 ③ | 使用目的 ※
            II 3 ④ | 使用の主体
            II 3 ④ | 使用部署
            II 3 ④ | 使用者数 [sel]
            II 3 ⑤ | 使用方法
            II 3 ⑤ | 情報の突合
            II 3 ⑥ | 使用開始日
            II 4 | 特定個人情報ファイルの取扱いの委託
            II 4 | 委託の有無 ※ [sel]
            II 4 ① | 委託内容
            II 4 ② | 委託先における取扱者数 [sel]
            II 4 ③ | 委託先名
            II 4 ④ | 再委託
            II 4 ④ | 再委託の有無 ※ [sel]
            II 4 ⑤ | 再委託の許諾方法
            II 4 ⑥ | 再委託事項
            """ + PROVISION_TRANSFER + """
            II 6 | 特定個人情報の保管・消去
            II 6 | 保管場所 ※
            II 7 | 備考
            (別添1) | 特定個人情報ファイル記録項目
            III | リスク対策
            III 1 | 特定個人情報ファイル名
            III 2 | 特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)
            III 2 リスク | 目的外の入手が行われるリスク
            III 2 | リスクに対する措置の内容 ※
            III 2 | リスクへの対策は十分か ※ [sel]
            III 2 | 特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)におけるその他のリスク及びそのリスクに対する措置 ※
            III 3 | 特定個人情報の使用
            III 3 リスク1 | 目的を超えた紐付け、事務に必要な情報との紐付けが行われるリスク
            III 3 リスク2 | 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスク
            III 3 | リスクに対する措置の内容 ※
            III 3 | ユーザ認証の管理 ※ [sel]
            III 3 | その他の措置の内容 ※
            III 3 | リスクへの対策は十分か ※ [sel]
            III 3 | 特定個人情報の使用におけるその他のリスク及びそのリスクに対する措置 ※
            III 4 | 特定個人情報ファイルの取扱いの委託
            III 4 | 委託しない ※ [multi]
            III 4 リスク | 委託先における不正な使用等のリスク
            III 4 | 委託契約書中の特定個人情報ファイルの取扱いに関する規定 ※ [sel]
            III 4 | 再委託先による特定個人情報ファイルの適切な取扱いの担保 ※ [sel]
            III 4 | その他の措置の内容 ※
            III 4 | リスクへの対策は十分か ※ [sel]
            III 4 | 特定個人情報ファイルの取扱いの委託におけるその他のリスク及びそのリスクに対する措置 ※
            III 5 | 特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)
            III 5 | 提供・移転しない ※ [multi]
            III 5 リスク | 不正な提供・移転が行われるリスク
            III 5 | 特定個人情報の提供・移転に関するルール ※ [sel]
            III 5 | その他の措置の内容 ※
            III 5 | リスクへの対策は十分か ※ [sel]
            III 5 | 特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)におけるその他のリスク及びそのリスクに対する措置 ※
            III 6 | 情報提供ネットワークシステムとの接続
            III 6 | 接続しない ※ [multi]
            III 6 リスク1 | 目的外の入手が行われるリスク
            III 6 リスク2 | 不正な提供が行われるリスク
            III 6 | リスクに対する措置の内容 ※
            III 6 | リスクへの対策は十分か ※ [sel]
            III 6 | 情報提供ネットワークシステムとの接続に伴うその他のリスク及びそのリスクに対する措置 ※
            III 7 | 特定個人情報の保管・消去
            III 7 リスク | 特定個人情報の漏えい・滅失・毀損リスク
            III 7 ① | 事故発生時手順の策定・周知 ※ [sel]
            III 7 ② | 過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか [sel]
            III 7 ② | その内容
            III 7 ② | 再発防止策の内容
            III 7 | その他の措置の内容 ※
            III 7 | リスクへの対策は十分か ※ [sel]
            III 7 | 特定個人情報の保管・消去におけるその他のリスク及びそのリスクに対する措置 ※
            III 8 | 監査
            III 8 | 実施の有無 ※ [multi]
            III 9 | 従業者に対する教育・啓発
            III 9 | 従業者に対する教育・啓発 ※ [sel]
            III 9 | 具体的な方法 ※
            III 10 | その他のリスク対策 ※
            IV | 開示請求、問合せ
            IV 1 | 特定個人情報の開示・訂正・利用停止請求
            IV 1 ① | 請求先
            IV 1 ② | 請求方法
            IV 1 ③ | 法令による特別の手続
            IV 1 ④ | 個人情報ファイル簿への不記載等
            IV 2 | 特定個人情報ファイルの取扱いに関する問合せ
            IV 2 ① | 連絡先
            IV 2 ② | 対応方法
            V | 評価実施手続
            V 1 | 基礎項目評価
            V 1 ① | 実施日
            V 1 ② | しきい値判断結果 [sel]
            V 2 | 国民・住民等からの意見の聴取【任意】
            V 2 ① | 方法
            V 2 ② | 実施日・期間
            V 2 ③ | 主な意見の内容
            V 3 | 第三者点検【任意】
            V 3 ① | 実施日
            V 3 ② | 方法
            V 3 ③ | 結果
            (別紙) | 過去3年以内に評価実施機関において発生した個人情報に関する重大事故の内容及び再発防止策の内容
            """;

    /**
     * §1.2 and §1.5 ([I]/[U]), item by item. DOMAIN abbreviates three labels ("500人以上か", "過去1年以内に…",
     * "提出する評価書の種類"); they are written out as the 記載要領 words them. Ⅳ's numbers follow the published 様式
     * (DOMAIN gives none), and so do what DOMAIN's "one 対策は十分か per area" leaves out: from 2025 on, Ⅳ 3 and Ⅳ 6 ask
     * two verdicts each (the first under its short label, the second with its risk named: the risks of 重点 III 3 and
     * III 6; "[since 2025]": a change of the 様式, so 2024 must not print them), Ⅳ 4/5/6 carry the flags of 重点
     * III 4/5/6 (§2.2), and Ⅳ 8/11 are the newer 様式's items ([U]), Ⅳ 8's 判断の根拠 only from 2025 on (the same
     * published annex records it "(追加)" with "様式変更に伴うもの" beside the second verdicts; Ⅳ 11's is not).
     */
    private static final String BASIC_ITEMS = COVER + """
            I | 関連情報
            I 1 | 特定個人情報ファイルを取り扱う事務
            I 1 ① | 事務の名称
            I 1 ② | 事務の概要
            I 1 ③ | システムの名称
            I 2 | 特定個人情報ファイル名
            I 3 | 個人番号の利用
            I 3 | 法令上の根拠
            I 4 | 情報提供ネットワークシステムによる情報連携
            I 4 ① | 実施の有無 [sel]
            I 4 ② | 法令上の根拠
            I 5 | 評価実施機関における担当部署
            I 5 ① | 部署
            I 5 ② | 所属長の役職名
            I 6 | 他の評価実施機関
            I 7 | 開示請求先
            I 8 | 問合せ先
            II | しきい値判断項目
            II 1 | 対象人数
            II 1 | 対象人数 [sel]
            II 1 | いつ時点の計数か
            II 2 | 取扱者数
            II 2 | 特定個人情報ファイル取扱者数は500人以上か [sel]
            II 2 | いつ時点の計数か
            II 3 | 重大事故
            II 3 | 過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか [sel]
            III | しきい値判断結果
            III | しきい値判断結果 [sel]
            IV | リスク対策
            IV 1 | 提出する特定個人情報保護評価書の種類 [sel]
            IV 2 | 特定個人情報の入手(情報提供ネットワークシステムを通じた入手を除く。)
            IV 2 | リスクへの対策は十分か [sel]
            IV 3 | 特定個人情報の使用
            IV 3 | リスクへの対策は十分か [sel]
            IV 3 | 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスクへの対策は十分か [sel] [since 2025]
            IV 4 | 特定個人情報ファイルの取扱いの委託
            IV 4 | 委託しない [multi]
            IV 4 | リスクへの対策は十分か [sel]
            IV 5 | 特定個人情報の提供・移転(委託や情報提供ネットワークシステムを通じた提供を除く。)
            IV 5 | 提供・移転しない [multi]
            IV 5 | リスクへの対策は十分か [sel]
            IV 6 | 情報提供ネットワークシステムとの接続
            IV 6 | 接続しない [multi]
            IV 6 | リスクへの対策は十分か [sel]
            IV 6 | 不正な提供が行われるリスクへの対策は十分か [sel] [since 2025]
            IV 7 | 特定個人情報の保管・消去
            IV 7 | リスクへの対策は十分か [sel]
            IV 8 | 人手を介在させる作業
            IV 8 | 人手を介在させる作業はない [multi]
            IV 8 | 人為的ミスが発生するリスクへの対策は十分か [sel]
            IV 8 | 判断の根拠 [since 2025]
            IV 9 | 監査
            IV 9 | 実施の有無 [multi]
            IV 10 | 従業者に対する教育・啓発
            IV 10 | 従業者に対する教育・啓発 [sel]
            IV 11 | 最も優先度が高いと考えられる対策
            IV 11 | 最も優先度が高いと考えられる対策 [sel]
            IV 11 | 当該対策は十分か【再掲】 [sel]
            IV 11 | 判断の根拠
            """;

    private static final String POPULATION = "1,000人未満 / 1,000人以上1万人未満 / 1万人以上10万人未満 / 10万人以上30万人未満 / 30万人以上";
    private static final String SUBJECTS = "1万人未満 / 1万人以上10万人未満 / 10万人以上100万人未満 / 100万人以上1,000万人未満 / 1,000万人以上";
    private static final String USERS = "10人未満 / 10人以上50人未満 / 50人以上100人未満 / 100人以上500人未満 / 500人以上1,000人未満 / 1,000人以上";
    private static final String VERDICT = "特に力を入れている / 十分である / 課題が残されている";
    private static final String DONE = "特に力を入れて行っている / 十分に行っている / 十分に行っていない";
    private static final String SET_UP = "特に力を入れて整備している / 十分に整備している / 十分に整備していない";
    private static final String DONE_OR_NOT = "行っている / 行っていない";
    private static final String RECORDED = "記録を残している / 記録を残していない";
    private static final String DEFINED = "定めている / 定めていない";
    private static final String SUBCONTRACTOR = "特に力を入れて行っている / 十分に行っている / 十分に行っていない / 再委託していない";
    private static final String INCIDENT = "発生あり / 発生なし";

    /**
     * §2.1, one row per single selection and kind (A 全項目, K 重点, B 基礎): kind | path | label | options in order, and
     * "| since V" for one the revisions before V do not print. A path ending in "*" stands for every item with that
     * label under the path (#13: every risk verdict of Ⅲ).
     */
    private static final List<String> SINGLE_SELECTIONS = List.of(
            "A | I 1 ③ | 対象人数 | " + POPULATION,                                            // #1
            "K | I 1 ③ | 対象人数 | " + POPULATION,
            "A | I 6 ① | 実施の有無 | 実施する / 実施しない / 未定",                            // #2
            "K | I 5 ① | 実施の有無 | 実施する / 実施しない / 未定",
            "A | II 2 ① | ファイルの種類 | システム用ファイル / その他の電子ファイル(表計算ファイル等)", // #3
            "K | II 2 ① | ファイルの種類 | システム用ファイル / その他の電子ファイル(表計算ファイル等)",
            "A | II 2 ② | 対象となる本人の数 | " + SUBJECTS,                                   // #4
            "K | II 2 ② | 対象となる本人の数 | " + SUBJECTS,
            "A | II 2 ④ | 記録される項目 | 10項目未満 / 10項目以上50項目未満 / 50項目以上100項目未満 / 100項目以上", // #5
            "K | II 2 ④ | 記録される項目 | 10項目未満 / 10項目以上50項目未満 / 50項目以上100項目未満 / 100項目以上",
            "A | II 3 ⑦ | 使用者数 | " + USERS,                                                // #6
            "K | II 3 ④ | 使用者数 | " + USERS,
            "A | II 4 | 委託の有無 | 委託する / 委託しない",                                     // #7
            "K | II 4 | 委託の有無 | 委託する / 委託しない",
            "A | II 4 ③ | 委託先における取扱者数 | " + USERS,                                  // #8
            "K | II 4 ② | 委託先における取扱者数 | " + USERS,
            "A | II 4 ⑦ | 再委託の有無 | 再委託する / 再委託しない",                            // #9
            "K | II 4 ④ | 再委託の有無 | 再委託する / 再委託しない",
            "A | II 5 ④ | 提供する情報の対象となる本人の数 | " + SUBJECTS,                     // #10
            "K | II 5 ④ | 提供する情報の対象となる本人の数 | " + SUBJECTS,
            "A | II 5 ④ | 移転する情報の対象となる本人の数 | " + SUBJECTS,                     // #11
            "K | II 5 ④ | 移転する情報の対象となる本人の数 | " + SUBJECTS,
            "A | II 6 ② | 期間 | 1年未満 / 1年 / 2年 / 3年 / 4年 / 5年 / 6年以上10年未満 / 10年以上20年未満 / 20年以上 / 定められていない", // #12
            "A | III * | リスクへの対策は十分か | " + VERDICT,                                   // #13
            "K | III * | リスクへの対策は十分か | " + VERDICT,
            "A | III 3 リスク2 | ユーザ認証の管理 | " + DONE_OR_NOT,                           // #14
            "K | III 3 | ユーザ認証の管理 | " + DONE_OR_NOT,
            "A | III 3 リスク2 | アクセス権限の発効・失効の管理 | " + DONE_OR_NOT,             // #15-17
            "A | III 3 リスク2 | アクセス権限の管理 | " + DONE_OR_NOT,
            "A | III 3 リスク2 | 特定個人情報の使用の記録 | " + RECORDED,
            "A | III 4 | 特定個人情報ファイルの閲覧者・更新者の制限 | 制限している / 制限していない", // #18-21
            "A | III 4 | 特定個人情報ファイルの取扱いの記録 | " + RECORDED,
            "A | III 4 | 特定個人情報の提供ルール | " + DEFINED,
            "A | III 4 | 特定個人情報の消去ルール | " + DEFINED,
            "A | III 4 | 委託契約書中の特定個人情報ファイルの取扱いに関する規定 | " + DEFINED,    // #22
            "K | III 4 | 委託契約書中の特定個人情報ファイルの取扱いに関する規定 | " + DEFINED,
            "A | III 4 | 再委託先による特定個人情報ファイルの適切な取扱いの確保 | " + SUBCONTRACTOR, // #23
            "K | III 4 | 再委託先による特定個人情報ファイルの適切な取扱いの担保 | " + SUBCONTRACTOR,
            "A | III 5 リスク1 | 特定個人情報の提供・移転の記録 | " + RECORDED,                // #24
            "A | III 5 リスク1 | 特定個人情報の提供・移転に関するルール | " + DEFINED,         // #25
            "K | III 5 | 特定個人情報の提供・移転に関するルール | " + DEFINED,
            "A | III 7 リスク1 ① | NISC政府機関統一基準群 | 特に力を入れて遵守している / 十分に遵守している / 十分に遵守していない / 政府機関ではない", // #26
            "A | III 7 リスク1 ② | 安全管理体制 | " + SET_UP,                                 // #27-28
            "A | III 7 リスク1 ③ | 安全管理規程 | " + SET_UP,
            "A | III 7 リスク1 ④ | 安全管理体制・規程の職員への周知 | 特に力を入れて周知している / 十分に周知している / 十分に周知していない", // #29
            "A | III 7 リスク1 ⑤ | 物理的対策 | " + DONE,                                     // #30-33
            "A | III 7 リスク1 ⑥ | 技術的対策 | " + DONE,
            "A | III 7 リスク1 ⑦ | バックアップ | " + DONE,
            "A | III 7 リスク1 ⑧ | 事故発生時手順の策定・周知 | " + DONE,
            "A | III 7 リスク1 ⑨ | 過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか | " + INCIDENT, // #34
            "A | III 7 リスク1 ⑩ | 死者の個人番号 | 保管している / 保管していない",              // #35
            "A | III 7 リスク3 | 消去手順 | " + DEFINED,                                        // #36
            "K | III 7 ① | 事故発生時手順の策定・周知 | " + DONE,                               // #37
            "K | III 7 ② | 過去3年以内に、評価実施機関において、個人情報に関する重大事故が発生したか | " + INCIDENT, // #38
            "A | IV 1 ① | 自己点検 | " + DONE,                                                // #39-40
            "A | IV 1 ② | 監査 | " + DONE,
            "A | IV 2 | 従業者に対する教育・啓発 | " + DONE,                                  // #41
            "K | III 9 | 従業者に対する教育・啓発 | " + DONE,
            "A | V 1 ③ | 手数料等 | 有料 / 無料",                                             // #42
            "A | V 1 ④ | 個人情報ファイル簿の公表 | 行っている / 行っていない",                 // #43
            "A | VI 1 ② | しきい値判断結果 | 基礎項目評価及び全項目評価の実施が義務付けられる"      // #44, §3.3
                    + " / 基礎項目評価及び重点項目評価の実施が義務付けられる(任意に全項目評価を実施)"
                    + " / 基礎項目評価の実施が義務付けられる(任意に全項目評価を実施)"
                    + " / 特定個人情報保護評価の実施が義務付けられない(任意に全項目評価を実施)",
            "K | V 1 ② | しきい値判断結果 | 基礎項目評価及び重点項目評価の実施が義務付けられる"    // #45, §3.3
                    + " / 基礎項目評価の実施が義務付けられる(任意に重点項目評価を実施)"
                    + " / 特定個人情報保護評価の実施が義務付けられない(任意に重点項目評価を実施)",
            // 基礎 (B, §1.5 and §3.1–3.3): the same scales as #1, #2, #13 and #41; the others as the 記載要領 words them
            "B | I 4 ① | 実施の有無 | 実施する / 実施しない / 未定",
            "B | II 1 | 対象人数 | " + POPULATION,
            "B | II 2 | 特定個人情報ファイル取扱者数は500人以上か | 500人以上 / 500人未満",
            "B | II 3 | 過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか | " + INCIDENT,
            "B | III | しきい値判断結果 | 基礎項目評価及び全項目評価の実施が義務付けられる"          // §3.3 [U]: no (任意に…)
                    + " / 基礎項目評価及び重点項目評価の実施が義務付けられる / 基礎項目評価の実施が義務付けられる"
                    + " / 特定個人情報保護評価の実施が義務付けられない",
            "B | IV 1 | 提出する特定個人情報保護評価書の種類 | 基礎項目評価書 / 基礎項目評価書及び重点項目評価書"
                    + " / 基礎項目評価書及び全項目評価書",
            "B | IV * | リスクへの対策は十分か | " + VERDICT,
            "B | IV 3 | 権限のない者(元職員、アクセス権限のない職員等)によって不正に使用されるリスクへの対策は十分か | " + VERDICT
                    + " | since 2025",
            "B | IV 6 | 不正な提供が行われるリスクへの対策は十分か | " + VERDICT + " | since 2025",
            "B | IV 8 | 人為的ミスが発生するリスクへの対策は十分か | " + VERDICT,
            "B | IV 10 | 従業者に対する教育・啓発 | " + DONE,
            "B | IV 11 | 当該対策は十分か【再掲】 | " + VERDICT);

    private static final Map<String, String> KIND_DIRS = Map.of("A", "all-items", "K", "key-items", "B", "basic-items");
    private static final Pattern REPEAT_TOKEN = Pattern.compile("(システム|委託事項|提供先|移転先)N");
    private static final Pattern SINCE = Pattern.compile("\\s*\\[since (\\d{4})]$");
    private static final Pattern RISK_HEADING = Pattern.compile("^リスク\\s*(\\d*)\\s*[:：]\\s*(.*)$");

    /**
     * A transcribed DOMAIN row: where, what, and what it must be; {@code since}: the first revision that prints it
     * (null: every revision), marked "[since V]" after the label and type.
     */
    record Official(String path, String label, boolean important, String type, String since) {

        static Official parse(String line) {
            String[] parts = line.split("\\s*\\|\\s*", 2);
            String label = parts[1].strip();
            Matcher sinceMark = SINCE.matcher(label);
            String since = sinceMark.find() ? sinceMark.group(1) : null;
            label = sinceMark.replaceFirst("");
            String type = null;
            if (label.endsWith("[sel]")) {
                type = "SINGLE_CHOICE";
            } else if (label.endsWith("[multi]")) {
                type = "MULTIPLE_CHOICE";
            }
            label = label.replaceFirst("\\s*\\[(sel|multi)]$", "");
            boolean important = label.endsWith("※");
            return new Official(parts[0].equals("-") ? "" : parts[0].strip(), label.replaceFirst("\\s*※$", ""),
                    important, type, since);
        }

        String key() {
            return LabelKeys.key(label);
        }

        @Override
        public String toString() {
            return (path.isEmpty() ? "表紙" : path) + " " + label + (important ? " ※" : "") + (type == null ? "" : " " + type)
                    + (since == null ? "" : " (since " + since + ")");
        }
    }

    /** Something printed in a form file: a section, block, block heading, item or item heading. */
    record Printed(String path, String key, List<JsonNode> items) {
    }

    @Test
    void givenDomainsSectionTrees_whenLookedUpInEveryRevisionOfTheirKind_thenEveryItemIsThereWithItsMarkAndType() {
        List<String> missing = new ArrayList<>();
        missing.addAll(missing("A", ALL_ITEMS));
        missing.addAll(missing("K", KEY_ITEMS));
        missing.addAll(missing("B", BASIC_ITEMS));

        assertThat(missing).as("DOMAIN.md §1.2–§1.5 items not found (kind/revision: path label)").isEmpty();
    }

    @Test
    void givenDomainsSingleSelections_whenLookedUpInEveryRevision_thenEachHasExactlyItsOptionsInOrder() {
        List<String> wrong = new ArrayList<>();
        for (String row : SINGLE_SELECTIONS) {
            String[] cells = row.split("\\s*\\|\\s*");
            List<String> expected = List.of(cells[3].split("\\s*/\\s*"));
            boolean everyUnder = cells[1].endsWith("*");
            String path = cells[1].replace("*", "").strip();
            for (FormFile form : forms(cells[0])) {
                if (cells.length > 4 && !form.prints(cells[4].replace("since", "").strip())) {
                    continue;
                }
                List<JsonNode> items = form.printed().stream()
                        .filter(p -> everyUnder ? p.path().startsWith(path + " ") || p.path().equals(path)
                                : p.path().equals(path))
                        .filter(p -> p.key().equals(key(cells[2])))
                        .flatMap(p -> p.items().stream())
                        .filter(item -> item.path("type").asText().equals("SINGLE_CHOICE"))
                        .distinct().toList();
                if (items.isEmpty()) {
                    wrong.add(form.name() + ": no single selection " + cells[1] + " " + cells[2]);
                }
                for (JsonNode item : items) {
                    List<String> actual = StreamSupport.stream(item.path("options").spliterator(), false)
                            .map(option -> option.path("label").asText()).toList();
                    if (!comparable(actual).equals(comparable(expected))) {
                        wrong.add(form.name() + ": " + item.path("id").asText() + " has " + actual + ", DOMAIN §2.1 "
                                + expected);
                    }
                }
            }
        }

        assertThat(wrong).as("single selections whose options differ from DOMAIN.md §2.1").isEmpty();
    }

    @Test
    void givenAnItemOfALaterRevision_whenAnEarlierRevisionPrintsIt_thenItIsReportedAsPrintedBefore() {
        assertThat(missing("B", """
                IV 3 | リスクへの対策は十分か [sel] [since 2025]
                IV 3 | 目的を超えた紐付けが行われるリスクへの対策は十分か [sel] [since 2025]
                """)).containsExactly(
                "basic-items/2024: IV 3 リスクへの対策は十分か SINGLE_CHOICE (since 2025) (printed before 2025)",
                "basic-items/2025: IV 3 目的を超えた紐付けが行われるリスクへの対策は十分か SINGLE_CHOICE (since 2025)");
    }

    @Test
    void givenAnItemNoFormHas_whenLookedUp_thenItIsReportedMissing() {
        assertThat(missing("K", """
                II 4 ⑦ | 委託先名の確認方法
                II 4 ③ | 委託先名 ※
                II 4 ③ | 委託先名 [multi]
                """)).containsExactly(
                "key-items/2024: II 4 ⑦ 委託先名の確認方法", "key-items/2024: II 4 ③ 委託先名 ※ (not marked ※)",
                "key-items/2024: II 4 ③ 委託先名 MULTIPLE_CHOICE (not of that type)",
                "key-items/2025: II 4 ⑦ 委託先名の確認方法", "key-items/2025: II 4 ③ 委託先名 ※ (not marked ※)",
                "key-items/2025: II 4 ③ 委託先名 MULTIPLE_CHOICE (not of that type)");
    }

    private static List<String> missing(String kind, String transcription) {
        List<String> missing = new ArrayList<>();
        List<Official> officials = transcription.lines().filter(line -> !line.isBlank()).map(Official::parse).toList();
        for (FormFile form : forms(kind)) {
            for (Official official : officials) {
                List<Printed> found = form.printed().stream()
                        .filter(p -> p.path().equals(official.path()) && p.key().equals(official.key())).toList();
                List<JsonNode> items = found.stream().flatMap(p -> p.items().stream()).toList();
                if (official.since() != null && !form.prints(official.since())) {
                    if (!found.isEmpty()) {
                        missing.add(form.name() + ": " + official + " (printed before " + official.since() + ")");
                    }
                } else if (found.isEmpty()) {
                    missing.add(form.name() + ": " + official);
                } else if (official.important() && (items.isEmpty()
                        || !items.stream().allMatch(item -> item.path("importantChange").asBoolean()))) {
                    missing.add(form.name() + ": " + official + " (not marked ※)");
                } else if (official.type() != null
                        && items.stream().noneMatch(item -> item.path("type").asText().equals(official.type()))) {
                    missing.add(form.name() + ": " + official + " (not of that type)");
                }
            }
        }
        return missing;
    }

    /** One revision of a kind, with everything it prints. */
    record FormFile(String name, List<Printed> printed) {

        /** Whether this revision is {@code since} or a later one: it prints what came with {@code since}. */
        boolean prints(String since) {
            return name.substring(name.indexOf('/') + 1).compareTo(since) >= 0;
        }
    }

    private static List<FormFile> forms(String kind) {
        String dir = KIND_DIRS.get(kind);
        JsonNode catalog = ModuleFiles.readJson(ModuleFiles.FORMS.resolve("catalog.json"));
        List<FormFile> forms = StreamSupport.stream(catalog.path("forms").spliterator(), false)
                .map(entry -> entry.path("file").asText()).filter(file -> file.startsWith(dir + "/"))
                .map(file -> new FormFile(file.replace(".json", ""), printed(FormLabelIndex.readForm(file))))
                .toList();
        assertThat(forms).as("revisions of " + dir).isNotEmpty();
        return forms;
    }

    private static List<Printed> printed(JsonNode form) {
        List<Printed> printed = new ArrayList<>();
        for (JsonNode section : form.path("sections")) {
            String sectionNumber = section.path("number").asText();
            List<JsonNode> sectionItems = new ArrayList<>();
            for (JsonNode block : section.path("blocks")) {
                String blockPath = path(sectionNumber + " " + block.path("number").asText());
                List<JsonNode> blockItems = new ArrayList<>();
                block.path("items").forEach(blockItems::add);
                sectionItems.addAll(blockItems);
                printed.add(new Printed(blockPath, key(block.path("label").asText()), blockItems));
                block.path("headings").forEach(h -> printed.add(heading(blockPath, blockPath, h.asText(), List.of())));
                for (JsonNode item : blockItems) {
                    String itemPath = path(item.path("number").asText());
                    printed.add(new Printed(itemPath, key(item.path("label").asText()), List.of(item)));
                    if (item.hasNonNull("heading")) {
                        printed.add(heading(blockPath, itemPath, item.path("heading").asText(), List.of(item)));
                    }
                }
            }
            printed.add(new Printed(path(sectionNumber), key(section.path("label").asText()), sectionItems));
        }
        return printed;
    }

    /**
     * A heading: "リスク1: title" is the title at its block's path + " リスク1" (重点 III 7 prints it over ①); any other
     * heading ("④使用の主体", "再委託") is at the path of what it is printed over.
     */
    private static Printed heading(String blockPath, String path, String heading, List<JsonNode> items) {
        Matcher risk = RISK_HEADING.matcher(Normalizer.normalize(heading, Normalizer.Form.NFKC));
        if (risk.matches()) {
            return new Printed(blockPath + " リスク" + risk.group(1), key(risk.group(2)), items);
        }
        return new Printed(path, key(heading), items);
    }

    /** A number path: repeat-entry tokens and the dots of block numbers dropped, single spaces. */
    private static String path(String number) {
        return REPEAT_TOKEN.matcher(number).replaceAll("").replace(".", " ").replaceAll("\\s+", " ").strip();
    }

    private static List<String> comparable(List<String> labels) {
        return labels.stream().map(label -> Normalizer.normalize(label, Normalizer.Form.NFKC).replaceAll("\\s+", ""))
                .collect(Collectors.toList());
    }
}
