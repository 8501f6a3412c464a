package io.wxops.admin.screening;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface LexiconTermMapper extends BaseMapper<LexiconTermRow> {

	@Select("SELECT * FROM art_lexicon_term ORDER BY id")
	List<LexiconTermRow> all();

	/**
	 * Locks the lexicon's version row until the transaction ends and returns the version.
	 */
	@Select("SELECT version FROM art_lexicon_state WHERE id = 1 FOR UPDATE")
	int lockVersion();

	@Select("SELECT version FROM art_lexicon_state WHERE id = 1")
	int currentVersion();

	@Update("UPDATE art_lexicon_state SET version = #{version}, updated_at = CURRENT_TIMESTAMP(3) WHERE id = 1")
	int setVersion(int version);

}
